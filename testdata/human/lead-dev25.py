import json, random, math
from humangen import isprime, phi
random.seed(7)
def spf(n):
    i=2
    while i*i<=n:
        if n%i==0: return i
        i+=1
    return n
def nthprime(n):
    c=0;k=1
    while c<n:
        k+=1
        if isprime(k): c+=1
    return k
def lucas(n):
    a,b=2,1
    for _ in range(n): a,b=b,a+b
    return a
def tz(n):
    c=0;p=5
    while p<=n: c+=n//p; p*=5
    return c
T=[
 ("odd_nth","the n-th odd number",[1,2,3,5,10],lambda n:2*n-1,(1,100000)),
 ("sum_odds","sum of the first n odd numbers",[1,2,3,4,10],lambda n:n*n,(0,40000)),
 ("fact_zeros","number of trailing zeros of n factorial",[3,5,10,25,100],tz,(0,100000)),
 ("digit_product","product of the digits of n",[5,12,234,101,99],lambda n:math.prod(int(c) for c in str(n)),(0,100000)),
 ("mod7","n mod 7",[3,7,10,15,50],lambda n:n%7,(0,100000)),
 ("even_digits","how many even digits n has",[2,13,246,1000,7],lambda n:sum(1 for c in str(n) if int(c)%2==0),(0,100000)),
 ("max_digit","the largest digit of n",[5,19,423,1000,808],lambda n:max(int(c) for c in str(n)),(0,100000)),
 ("is_square","1 if n is a perfect square, else 0",[1,2,4,10,49],lambda n:int(math.isqrt(n)**2==n),(0,100000)),
 ("is_palindrome","is n a palindrome? 1 or 0",[7,12,121,1221,123],lambda n:int(str(n)==str(n)[::-1]),(0,100000)),
 ("aliquot","sum of the proper divisors of n",[1,6,8,12,28],lambda n:sum(d for d in range(1,n) if n%d==0),(1,3000)),
 ("nearest5","distance from n to the nearest multiple of 5",[3,5,7,11,24],lambda n:min(n%5,5-n%5),(0,100000)),
 ("square_nth","the n-th square number",[1,2,3,4,10],lambda n:n*n,(0,40000)),
 ("spf","smallest prime factor of n",[2,9,15,35,97],spf,(2,100000)),
 ("totient","Euler's totient of n",[1,5,6,9,10],phi,(1,2000)),
 ("count_div3","how many numbers from 1 to n are divisible by 3",[1,3,7,9,20],lambda n:n//3,(0,100000)),
 ("nth_prime","the n-th prime",[1,2,3,5,10],nthprime,(1,1000)),
 ("digit_range","difference between the largest and smallest digit of n",[5,19,423,1000,808],lambda n:max(int(c) for c in str(n))-min(int(c) for c in str(n)),(0,100000)),
 ("zero_digits","number of zeros in n",[5,10,100,1203,7007],lambda n:str(n).count('0'),(1,100000)),
 ("pow2","2 to the power n",[0,1,3,5,10],lambda n:2**n,(0,30)),
 ("lucas","n-th Lucas number",[0,1,2,5,10],lucas,(0,40)),
 ("tri_even","1 if the n-th triangular number is even, else 0",[1,2,3,4,7],lambda n:int(n*(n+1)//2%2==0),(0,10000)),
 ("cube_digits_sum","sum of the cubes of the digits of n",[1,12,153,20,99],lambda n:sum(int(c)**3 for c in str(n)),(0,100000)),
 ("next_mult10","smallest multiple of 10 that is at least n",[1,10,15,99,100],lambda n:-(-n//10)*10,(0,100000)),
 ("double_plus3","twice n plus 3",[0,1,2,5,10],lambda n:2*n+3,(-10000,10000)),
 ("halve_floor","n divided by 2, rounded down",[1,2,7,10,99],lambda n:n//2,(0,100000)),
]
out=[]
for name,text,ex,f,(lo,hi) in T:
    exs=[{"inputs":[x],"output":f(x)} for x in ex]
    pool=set()
    while len(pool)<min(60,hi-lo+1-len(ex)):
        v=random.randint(lo,hi) if random.random()<0.5 else random.randint(lo,min(hi,lo+200))
        if v not in ex: pool.add(v)
    out.append({"name":name,"text":text,"offset":0,"examples":exs,"checks":[{"inputs":[v],"output":f(v)} for v in sorted(pool)]})
json.dump(out,open('testdata/human/lead-dev25.json','w'),indent=0)
print(len(out))
