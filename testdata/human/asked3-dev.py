# Development set of session 10's asked3 helper (requests as people write them, third round).
# Written by that helper while building lib/synth/internal/formula/asked3*.go: NOT held out.
# Run from the repository root: python3 testdata/human/asked3-dev.py > testdata/human/asked3-dev.json
import json, random, math
from humangen import digits, isprime, tasks
random.seed(1130)
def bigomega(n):
    c=0;p=2
    while p*p<=n:
        while n%p==0: c+=1; n//=p
        p+=1
    return c+(1 if n>1 else 0)
def iroot(n,k):
    x=int(round(n**(1.0/k)))
    while x**k>n: x-=1
    while (x+1)**k<=n: x+=1
    return x
def iroot_up(n,k):
    x=iroot(n,k)
    return x if x**k==n else x+1
def ndig(n,b):
    d=1
    while n>=b: n//=b; d+=1
    return d
def v(n,b):
    z=0
    while n%b==0: z+=1; n//=b
    return z
def bell(n):
    row=[1]
    for _ in range(n):
        nxt=[row[-1]]
        for x in row: nxt.append(nxt[-1]+x)
        row=nxt
    return row[0]
def lin(a,b,x0,x1,n):
    for _ in range(n): x0,x1=x1,a*x1+b*x0
    return x0
def motzkin(n):
    t=[1,1]
    while len(t)<=n:
        m=len(t); t.append(t[m-1]+sum(t[k]*t[m-2-k] for k in range(m-1)))
    return t[n]
def derange(n):
    t=[1,0]
    while len(t)<=n:
        m=len(t); t.append((m-1)*(t[m-1]+t[m-2]))
    return t[n]
def lucas(n): return lin(1,1,2,1,n)
def fib(n): return lin(1,1,0,1,n)
def prod(xs): return math.prod(xs)
P=lambda p:(lambda n:int(p(n)))
T=[
 ("count_primes_below","how many prime numbers are there below n",[(2,),(3,),(10,),(11,),(30,)],lambda n:sum(1 for k in range(n) if isprime(k)),[(0,5000)]),
 ("count_even_1_n","count the even numbers from 1 to n",[(1,),(2,),(5,),(10,),(11,)],lambda n:n//2,[(0,1000000)]),
 ("count_mult4","how many multiples of 4 are there up to n",[(3,),(4,),(8,),(17,),(100,)],lambda n:n//4,[(1,1000000)]),
 ("sum_mult_4_7","sum of all multiples of 4 or 7 below n",[(1,),(5,),(8,),(15,),(29,)],lambda n:sum(k for k in range(n) if k%4==0 or k%7==0),[(0,50000)]),
 ("sum_odd_upto","sum of all odd numbers up to n",[(1,),(2,),(5,),(10,),(7,)],lambda n:sum(k for k in range(1,n+1,2)),[(0,60000)]),
 ("count_squares","how many perfect squares are there up to n",[(1,),(3,),(4,),(10,),(16,)],lambda n:iroot(n,2),[(1,1000000)]),
 ("binary_digits","number of binary digits of n",[(1,),(2,),(7,),(8,),(100,)],lambda n:n.bit_length(),[(1,1000000)]),
 ("digits_base3","how many digits does n have in base 3",[(1,),(2,),(3,),(9,),(26,)],lambda n:ndig(n,3),[(1,1000000)]),
 ("trailing_zeros_binrep","number of trailing zeros in the binary representation of n",[(1,),(2,),(8,),(12,),(7,)],lambda n:v(n,2),[(1,1000000)]),
 ("trailing_ones_bin","number of trailing ones of n in binary",[(0,),(1,),(3,),(7,),(11,)],lambda n:v(n+1,2),[(0,1000000)]),
 ("sqrt_up","square root of n, rounded up",[(1,),(2,),(4,),(5,),(17,)],lambda n:iroot_up(n,2),[(0,1000000)]),
 ("cbrt_up","the cube root of n, rounded up",[(1,),(8,),(9,),(27,),(30,)],lambda n:iroot_up(n,3),[(0,1000000)]),
 ("root4_floor","integer fourth root of n",[(1,),(15,),(16,),(80,),(81,)],lambda n:iroot(n,4),[(0,1000000)]),
 ("sum_squares_1_n","sum of the squares from 1 to n",[(1,),(2,),(3,),(4,),(10,)],lambda n:n*(n+1)*(2*n+1)//6,[(0,1000)]),
 ("sum_first_cubes","sum of the first n cubes",[(1,),(2,),(3,),(5,),(10,)],lambda n:(n*(n+1)//2)**2,[(0,200)]),
 ("bell","the n-th Bell number",[(0,),(1,),(2,),(3,),(5,)],bell,[(0,15)]),
 ("pell","the n-th Pell number",[(0,),(1,),(2,),(3,),(6,)],lambda n:lin(2,1,0,1,n),[(0,25)]),
 ("motzkin","the n-th Motzkin number",[(0,),(1,),(2,),(3,),(6,)],motzkin,[(0,20)]),
 ("derangements","number of derangements of n objects",[(0,),(1,),(2,),(3,),(5,)],derange,[(0,12)]),
 ("div_digit_sum","1 if n is divisible by its digit sum, else 0",[(12,),(13,),(18,),(21,),(1,)],lambda n:int(n%sum(digits(n))==0),[(1,100000)]),
 ("div_digit_prod","is n divisible by the product of its digits? 1 or 0",[(12,),(13,),(11,),(24,),(10,)],lambda n:int(prod(digits(n))!=0 and n%prod(digits(n))==0),[(1,100000)]),
 ("count_semiprimes","how many semiprimes are there up to n",[(4,),(6,),(10,),(3,),(20,)],lambda n:sum(1 for k in range(n+1) if bigomega(k)==2),[(0,1000)]),
 ("sum_primes_below","sum of all primes below n",[(2,),(3,),(10,),(11,),(20,)],lambda n:sum(k for k in range(n) if isprime(k)),[(0,3000)]),
 ("lucas","the n-th Lucas number",[(0,),(1,),(2,),(3,),(10,)],lucas,[(0,40)]),
 ("fibonacci","the n-th Fibonacci number",[(0,),(1,),(2,),(3,),(10,)],fib,[(0,45)]),
 ("popcount","number of 1 bits in n",[(0,),(1,),(3,),(8,),(255,)],lambda n:bin(n).count('1'),[(0,1000000)]),
 ("triangular","the n-th triangular number",[(1,),(2,),(3,),(4,),(10,)],lambda n:n*(n+1)//2,[(0,60000)]),
 ("prod_first_odd","product of the first n odd numbers",[(1,),(2,),(3,),(4,),(0,)],lambda n:prod(range(1,2*n,2)),[(0,10)]),
 ("tetrahedral","n-th tetrahedral number",[(1,),(2,),(3,),(4,),(10,)],lambda n:n*(n+1)*(n+2)//6,[(0,1000)]),
 ("num_divisors","how many divisors does n have",[(1,),(2,),(6,),(12,),(7,)],lambda n:sum(1 for d in range(1,n+1) if n%d==0),[(1,20000)]),
 ("largest_digit","the largest digit of n",[(5,),(19,),(907,),(1234,),(0,)],lambda n:max(digits(n)),[(0,1000000)]),
 ("is_square","1 if n is a perfect square, else 0",[(0,),(1,),(2,),(4,),(10,)],lambda n:int(iroot(n,2)**2==n),[(0,1000000)]),
 ("count_odd_below","the number of odd numbers less than n",[(1,),(2,),(3,),(10,),(11,)],lambda n:n//2,[(0,1000000)]),
 ("sum_even_1_n","sum of the even numbers from 1 to n",[(1,),(2,),(4,),(5,),(10,)],lambda n:sum(range(2,n+1,2)),[(0,90000)]),
 ("jacobsthal","the n-th Jacobsthal number",[(0,),(1,),(2,),(3,),(6,)],lambda n:lin(1,2,0,1,n),[(0,30)]),
 ("remainder_when","the remainder when a is divided by b",[(7,2),(9,3),(10,4),(3,5),(100,7)],lambda a,b:a%b,[(0,10000),(1,100)]),
 ("quotient","the quotient of a divided by b",[(7,2),(9,3),(10,4),(3,5),(100,7)],lambda a,b:a//b,[(0,10000),(1,100)]),
 ("both_odd","1 if a and b are both odd, else 0",[(1,3),(2,3),(2,4),(5,7),(7,6)],lambda a,b:int(a%2==1 and b%2==1),[(0,1000),(0,1000)]),
 ("exactly_one_even","1 if exactly one of a and b is even, else 0",[(1,3),(2,3),(2,4),(5,8),(7,6)],lambda a,b:int((a%2==0)!=(b%2==0)),[(0,1000),(0,1000)]),
 ("neither_div3","1 if neither a nor b is divisible by 3, else 0",[(1,2),(3,4),(6,9),(4,5),(7,12)],lambda a,b:int(a%3!=0 and b%3!=0),[(0,1000),(0,1000)]),
 ("spread3","difference between the largest and smallest of a, b and c",[(1,2,3),(5,1,4),(2,2,2),(10,-3,4),(0,7,7)],lambda a,b,c:max(a,b,c)-min(a,b,c),[(-1000,1000),(-1000,1000),(-1000,1000)]),
 ("any_negative","1 if at least one of a and b is negative, else 0",[(1,2),(-1,2),(3,-4),(-5,-6),(0,0)],lambda a,b:int(a<0 or b<0),[(-1000,1000),(-1000,1000)]),
 ("larger_minus_smaller","the larger of a and b minus the smaller",[(3,8),(8,3),(5,5),(10,1),(0,7)],lambda a,b:abs(a-b),[(-1000,1000),(-1000,1000)]),
 ("count_mult_k","how many multiples of k are there up to n",[(10,3),(10,5),(7,7),(20,6),(5,10)],lambda n,k:n//k,[(0,100000),(1,100)]),
 ("sum_squared","the sum of a and b, squared",[(1,2),(3,4),(0,5),(-2,2),(10,1)],lambda a,b:(a+b)**2,[(-1000,1000),(-1000,1000)]),
 ("last_digit_product","the last digit of the product of a and b",[(3,4),(7,8),(12,5),(9,9),(11,13)],lambda a,b:(a*b)%10,[(0,10000),(0,10000)]),
 ("sum_even_parity","1 if a + b is even, else 0",[(1,3),(2,3),(2,4),(5,8),(7,6)],lambda a,b:int((a+b)%2==0),[(-1000,1000),(-1000,1000)]),
 ("count_mult_3_or_5","how many numbers below n are divisible by 3 or 5",[(1,),(4,),(6,),(10,),(16,)],lambda n:sum(1 for k in range(1,n) if k%3==0 or k%5==0),[(0,1000000)]),
]
out=tasks(T)
for t in out:
    for c in t["examples"]+t["checks"]:
        assert -2**31 <= c["output"] < 2**31, (t["name"], c)
print(json.dumps(out, indent=1))
