# Shared by the generators of the request sets in this folder (run each from the
# repository root: python3 testdata/human/NAME.py). Python references only.
import math, random

def digits(n): return [int(c) for c in str(abs(n))]

def isprime(n):
    if n<2: return False
    i=2
    while i*i<=n:
        if n%i==0: return False
        i+=1
    return True

def ndiv(n): return sum(1 for d in range(1,n+1) if n%d==0)

def phi(n): return sum(1 for k in range(1,n+1) if math.gcd(k,n)==1)

def tasks(T):
    """Task records from T's (name, text, examples, f, domain) rows: the examples'
    outputs and up to 60 checks drawn (with the module random's state, seeded by
    the caller) half from the whole domain, half from its first 201 values."""
    out=[]
    for name,text,ex,f,dom in T:
        exs=[{"inputs":list(x),"output":f(*x)} for x in ex]
        pool=set(); tries=0
        while len(pool)<60 and tries<100000:
            tries+=1
            v=tuple(random.randint(lo,hi) if random.random()<0.5 else random.randint(lo,min(hi,lo+200)) for lo,hi in dom)
            if v in ex: continue
            pool.add(v)
        out.append({"name":name,"text":text,"offset":0,"examples":exs,"checks":[{"inputs":list(v),"output":f(*v)} for v in sorted(pool)]})
    return out
