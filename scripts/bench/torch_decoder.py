#!/usr/bin/python3
"""PyTorch CPU twin of irsynth's opcode decoder, for a side-by-side speed run.

Same architecture as lib/models (internal/nn.Transformer): pre-LayerNorm
decoder-only transformer, embedding 256, 4 heads, 3 layers, feed-forward 1024,
ReLU, dropout 0.1 on both residual branches, a 2048-wide condition projected
and added at position 0, learned positions, Adam lr 1e-3, mean token
cross-entropy. It trains on random tokens for a fixed number of steps and
prints one JSON line with tokens/s (batch*seq positions per second of wall
time, and per second of process CPU time, the steadier figure on a shared
machine).

Usage: /usr/bin/python3 scripts/bench/torch_decoder.py [--steps N] [--batch B]
       [--seq L] [--vocab V] [--threads T]
"""
import argparse, json, math, time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, d, heads, ff, p):
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.qkv, self.out = nn.Linear(d, 3 * d), nn.Linear(d, d)
        self.ff1, self.ff2 = nn.Linear(d, ff), nn.Linear(ff, d)
        self.heads, self.p = heads, p

    def forward(self, x):
        b, l, d = x.shape
        q, k, v = self.qkv(self.ln1(x)).split(d, dim=2)
        sh = lambda t: t.view(b, l, self.heads, d // self.heads).transpose(1, 2)
        s = sh(q) @ sh(k).transpose(-2, -1) / math.sqrt(d // self.heads)
        s = s.masked_fill(torch.ones(l, l, dtype=torch.bool).triu(1), float("-inf"))
        a = s.softmax(-1) @ sh(v)
        a = self.out(a.transpose(1, 2).reshape(b, l, d))
        x = x + F.dropout(a, self.p, self.training)
        f = self.ff2(F.relu(self.ff1(self.ln2(x))))
        return x + F.dropout(f, self.p, self.training)


class Decoder(nn.Module):
    def __init__(self, vocab, d=256, heads=4, layers=3, ff=1024, max_len=64, cond=2048, p=0.1):
        super().__init__()
        self.emb, self.pos = nn.Embedding(vocab, d), nn.Embedding(max_len, d)
        self.cond = nn.Linear(cond, d)
        self.blocks = nn.ModuleList(Block(d, heads, ff, p) for _ in range(layers))
        self.lnf, self.head = nn.LayerNorm(d), nn.Linear(d, vocab)

    def forward(self, tokens, cond):
        b, l = tokens.shape
        x = self.emb(tokens) + self.pos(torch.arange(l))
        x = x + F.pad(self.cond(cond).unsqueeze(1), (0, 0, 0, l - 1))
        for blk in self.blocks:
            x = blk(x)
        return self.head(self.lnf(x))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--seq", type=int, default=32)
    ap.add_argument("--vocab", type=int, default=50)
    ap.add_argument("--threads", type=int, default=0)
    a = ap.parse_args()
    if a.threads > 0:
        torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    model = Decoder(a.vocab)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    tokens = torch.randint(a.vocab, (a.batch, a.seq))
    target = torch.randint(a.vocab, (a.batch, a.seq))
    cond = torch.randn(a.batch, 2048)

    def step():
        opt.zero_grad()
        loss = F.cross_entropy(model(tokens, cond).reshape(-1, a.vocab), target.reshape(-1))
        loss.backward()
        opt.step()
        return loss.item()

    model.train()
    for _ in range(a.warmup):
        step()
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(a.steps):
        loss = step()
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(json.dumps({
        "engine": "pytorch", "version": torch.__version__, "threads": torch.get_num_threads(),
        "batch": a.batch, "seq": a.seq, "steps": a.steps, "seconds": dt,
        "tokens_per_sec": a.batch * a.seq * a.steps / dt, "loss": loss,
        "cpu_seconds": cpu, "cpu_tokens_per_sec": a.batch * a.seq * a.steps / cpu,
        "params": sum(p.numel() for p in model.parameters()),
    }))


if __name__ == "__main__":
    main()
