# Held-out request set written by the lead at the start of session 10 (2026-11-30),
# before any request work of that session; kept from the helpers until the end.
import json, random, math, sys
from humangen import digits, isprime, ndiv, phi, tasks
random.seed(1010)
def nthprime(n):
    k=1; c=0
    while c<n:
        k+=1
        if isprime(k): c+=1
    return k
def nextprime(n):
    k=n+1
    while not isprime(k): k+=1
    return k
def omega(n):
    r=0;p=2
    while p*p<=n:
        if n%p==0:
            r+=1
            while n%p==0: n//=p
        p+=1
    return r+(1 if n>1 else 0)
def v2(n):
    r=0
    while n%2==0: n//=2; r+=1
    return r
def fib(n):
    a,b=0,1
    for _ in range(n): a,b=b,a+b
    return a
def leap(y): return int(y%4==0 and (y%100!=0 or y%400==0))
T=[
 ("zero_digits","how many zeros are in the decimal representation of n",[(5,),(10,),(100,),(101,),(2020,)],lambda n:str(n).count('0'),[(1,1000000)]),
 ("n2_plus_1","n squared plus one",[(0,),(1,),(2,),(3,),(10,)],lambda n:n*n+1,[(-40000,40000)]),
 ("digit_product","the product of the digits of n",[(5,),(12,),(234,),(105,),(99,)],lambda n:math.prod(digits(n)),[(0,1000000)]),
 ("times_2_divides","how many times does 2 divide n",[(1,),(2,),(12,),(7,),(64,)],v2,[(1,1000000)]),
 ("proper_div_sum","the sum of the proper divisors of n",[(1,),(6,),(10,),(12,),(7,)],lambda n:sum(d for d in range(1,n) if n%d==0),[(1,5000)]),
 ("triangular","the n-th triangular number",[(1,),(2,),(3,),(4,),(10,)],lambda n:n*(n+1)//2,[(0,60000)]),
 ("reverse","reverse the digits of n",[(12,),(100,),(7,),(1234,),(980,)],lambda n:int(str(n)[::-1]),[(0,1000000)]),
 ("power_of_two","1 if n is a power of two, else 0",[(1,),(2,),(3,),(8,),(12,)],lambda n:int(n&(n-1)==0),[(1,1000000)]),
 ("binary_ones","the number of ones in the binary expansion of n",[(0,),(1,),(5,),(7,),(8,)],lambda n:bin(n).count('1'),[(0,1000000)]),
 ("next_prime","the smallest prime greater than n",[(1,),(2,),(10,),(13,),(20,)],nextprime,[(0,100000)]),
 ("gcd","the greatest common divisor of a and b",[(12,18),(7,5),(10,100),(9,6),(8,8)],math.gcd,[(1,10000),(1,10000)]),
 ("last_digit_pow","the last digit of a to the power b",[(2,3),(3,2),(7,1),(2,10),(9,0)],lambda a,b:pow(a,b,10),[(0,1000),(0,1000)]),
 ("fibonacci","the n-th Fibonacci number",[(0,),(1,),(2,),(5,),(10,)],fib,[(0,45)]),
 ("num_divisors","the number of divisors of n",[(1,),(2,),(6,),(12,),(7,)],ndiv,[(1,10000)]),
 ("leap_year","1 if year n is a leap year, 0 otherwise",[(2000,),(1900,),(2024,),(2023,),(1996,)],leap,[(1,4000)]),
 ("first_n_even_sum","the sum of the first n even numbers",[(1,),(2,),(3,),(4,),(10,)],lambda n:n*(n+1),[(0,40000)]),
 ("count_div_by_7","how many numbers from 1 to n are divisible by 7",[(1,),(7,),(14,),(20,),(50,)],lambda n:n//7,[(0,1000000)]),
 ("nth_prime","the n-th prime number",[(1,),(2,),(3,),(4,),(10,)],nthprime,[(1,2000)]),
 ("is_square","1 if n is a perfect square, else 0",[(1,),(2,),(4,),(10,),(16,)],lambda n:int(math.isqrt(n)**2==n),[(0,1000000)]),
 ("distinct3","the number of distinct values among a, b and c",[(1,2,3),(1,1,2),(5,5,5),(2,1,2),(0,7,7)],lambda a,b,c:len({a,b,c}),[(-100,100),(-100,100),(-100,100)]),
 ("largest_pow2_div","the largest power of 2 that divides n",[(1,),(2,),(12,),(7,),(40,)],lambda n:n&-n,[(1,1000000)]),
 ("isqrt","the floor of the square root of n",[(0,),(1,),(4,),(8,),(99,)],math.isqrt,[(0,1000000)]),
 ("lcm","the least common multiple of a and b",[(4,6),(3,5),(2,8),(7,7),(1,9)],lambda a,b:a*b//math.gcd(a,b),[(1,1000),(1,1000)]),
 ("drop_last_digit","n with its last digit removed",[(123,),(45,),(7,),(1000,),(98,)],lambda n:n//10,[(0,1000000)]),
 ("distinct_prime_factors","the number of distinct prime factors of n",[(1,),(2,),(12,),(30,),(49,)],omega,[(1,100000)]),
 ("arith_1_4_7","the n-th term of 1, 4, 7, 10, ...",[(1,),(2,),(3,),(4,),(10,)],lambda n:3*n-2,[(1,100000)]),
 ("totient","Euler's totient of n",[(1,),(2,),(9,),(10,),(7,)],phi,[(1,3000)]),
 ("odd_sum_upto","the sum of the odd numbers up to n",[(1,),(2,),(3,),(5,),(10,)],lambda n:((n+1)//2)**2,[(0,60000)]),
 ("choose2","the number of ways to choose 2 items from n",[(0,),(1,),(2,),(4,),(10,)],lambda n:n*(n-1)//2,[(0,60000)]),
 ("dist_mult_10","the distance from n to the nearest multiple of 10",[(3,),(7,),(10,),(15,),(21,)],lambda n:min(n%10,10-n%10),[(0,1000000)]),
]
out=tasks(T)
json.dump(out,open(sys.argv[1] if len(sys.argv) > 1 else "testdata/human/lead-heldout-s10.json","w"),indent=0)
print(len(out))
