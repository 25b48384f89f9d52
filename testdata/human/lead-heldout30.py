import json, random, math
from humangen import digits, isprime, ndiv, tasks
random.seed(11)
def gpf(n):
    p=2;r=1
    while p*p<=n:
        while n%p==0: r=p; n//=p
        p+=1
    return max(r,n) if n>1 else r
T=[
 # name, text, examples (inputs tuple), f, domain list of (lo,hi)
 ("first_digit","the first digit of n",[(7,),(42,),(913,),(1000,),(58,)],lambda n:digits(n)[0],[(1,1000000)]),
 ("odd_digits","count the odd digits of n",[(1,),(22,),(135,),(1234,),(909,)],lambda n:sum(d%2 for d in digits(n)),[(0,1000000)]),
 ("sum_even_digits","sum of the even digits of n",[(1,),(22,),(135,),(1234,),(846,)],lambda n:sum(d for d in digits(n) if d%2==0),[(0,1000000)]),
 ("is_multiple_of_3","1 if n is a multiple of 3, otherwise 0",[(3,),(4,),(9,),(10,),(0,)],lambda n:int(n%3==0),[(0,100000)]),
 ("largest_prime_factor","the largest prime factor of n",[(2,),(10,),(21,),(49,),(97,)],gpf,[(2,100000)]),
 ("is_perfect","1 if n is a perfect number, else 0",[(6,),(7,),(28,),(12,),(1,)],lambda n:int(sum(d for d in range(1,n) if n%d==0)==n),[(1,2000)]),
 ("sum_multiples_3_5","sum of all multiples of 3 or 5 below n",[(1,),(4,),(6,),(10,),(16,)],lambda n:sum(k for k in range(n) if k%3==0 or k%5==0),[(0,20000)]),
 ("count_primes","how many primes are there up to n",[(1,),(2,),(10,),(20,),(30,)],lambda n:sum(1 for k in range(n+1) if isprime(k)),[(0,3000)]),
 ("digital_root","digital root of n",[(5,),(38,),(99,),(123,),(9875,)],lambda n:0 if n==0 else 1+(n-1)%9,[(0,1000000)]),
 ("binary_length","number of bits needed to write n in binary",[(1,),(2,),(5,),(8,),(255,)],lambda n:n.bit_length(),[(1,1000000)]),
 ("trailing_zeros_bin","number of trailing zeros of n in binary",[(1,),(2,),(12,),(40,),(96,)],lambda n:(n&-n).bit_length()-1,[(1,1000000)]),
 ("cube_root_floor","the integer cube root of n, rounded down",[(1,),(8,),(26,),(27,),(100,)],lambda n:round(n**(1/3)) if round(n**(1/3))**3<=n else round(n**(1/3))-1,[(0,1000000)]),
 ("sum_squares_ab","a squared plus b squared",[(1,2),(3,4),(0,5),(2,2),(10,1)],lambda a,b:a*a+b*b,[(-1000,1000),(-1000,1000)]),
 ("diff_squares","a squared minus b squared",[(3,2),(5,1),(4,4),(10,3),(2,5)],lambda a,b:a*a-b*b,[(-1000,1000),(-1000,1000)]),
 ("int_div","a divided by b, rounded down",[(7,2),(9,3),(10,4),(1,5),(100,7)],lambda a,b:a//b,[(0,10000),(1,100)]),
 ("remainder","the remainder of a divided by b",[(7,2),(9,3),(10,4),(1,5),(100,7)],lambda a,b:a%b,[(0,10000),(1,100)]),
 ("max_minus_min","difference between the largest and the smallest of a and b",[(3,8),(8,3),(5,5),(10,1),(0,7)],lambda a,b:abs(a-b),[(-1000,1000),(-1000,1000)]),
 ("both_even","1 if a and b are both even, else 0",[(2,4),(2,3),(1,1),(0,8),(7,6)],lambda a,b:int(a%2==0 and b%2==0),[(0,1000),(0,1000)]),
 ("coprime","1 if a and b are coprime, 0 otherwise",[(2,3),(4,6),(7,13),(9,12),(1,1)],lambda a,b:int(math.gcd(a,b)==1),[(1,1000),(1,1000)]),
 ("avg3_floor","average of three numbers, rounded down",[(1,2,3),(3,3,3),(1,1,2),(10,20,30),(0,0,7)],lambda a,b,c:(a+b+c)//3,[(0,1000),(0,1000),(0,1000)]),
 ("sum3","sum of three numbers",[(1,2,3),(3,3,3),(0,0,0),(10,-5,2),(7,8,9)],lambda a,b,c:a+b+c,[(-1000,1000),(-1000,1000),(-1000,1000)]),
 ("min3","the smallest of three numbers",[(1,2,3),(3,1,2),(5,9,7),(4,4,1),(-1,-2,-3)],lambda a,b,c:min(a,b,c),[(-1000,1000),(-1000,1000),(-1000,1000)]),
 ("pentagonal","the n-th pentagonal number",[(1,),(2,),(3,),(4,),(10,)],lambda n:n*(3*n-1)//2,[(0,20000)]),
 ("double_factorial","double factorial of n",[(1,),(2,),(5,),(6,),(7,)],lambda n:math.prod(range(n,0,-2)),[(0,19)]),
 ("catalan","the n-th Catalan number",[(0,),(1,),(2,),(3,),(5,)],lambda n:math.comb(2*n,n)//(n+1),[(0,16)]),
 ("harshad","1 if n is divisible by the sum of its digits, else 0",[(12,),(13,),(18,),(19,),(21,)],lambda n:int(n%sum(digits(n))==0),[(1,100000)]),
 ("square_free","is n squarefree? 1 or 0",[(1,),(4,),(6,),(12,),(30,)],lambda n:int(all(n%(p*p) for p in range(2,int(n**0.5)+1))),[(1,100000)]),
 ("num_divisors_even","1 if n has an even number of divisors, else 0",[(1,),(2,),(4,),(6,),(9,)],lambda n:int(ndiv(n)%2==0),[(1,5000)]),
 ("n_minus_reverse","n minus its reversal",[(12,),(21,),(100,),(123,),(7,)],lambda n:n-int(str(n)[::-1]),[(0,100000)]),
 ("sum_1_to_n_cubes","sum of the cubes from 1 to n",[(1,),(2,),(3,),(4,),(10,)],lambda n:(n*(n+1)//2)**2,[(0,300)]),
]
out=tasks(T)
json.dump(out,open('testdata/human/lead-heldout30.json','w'),indent=0)
print(len(out))
