"""Drive cells that try to end the Go session, through jupyter_client.

Usage: survive.py KERNEL_NAME
Run with IRSYNTH_KERNEL_MEMORY_LIMIT set (the Go test sets 256MiB). Prints
one JSON object per check on stdout: {"check": name, ...observed...}. The
Go test (kernel/survive_test.go) asserts on what it observes.
"""
import json
import sys
import time

from jupyter_client.manager import KernelManager

name = sys.argv[1]
TIMEOUT = 60


def emit(check, **kw):
    kw["check"] = check
    print(json.dumps(kw), flush=True)


def wait_reply(kc, msg_id, timeout=TIMEOUT):
    """Collect iopub messages of msg_id up to idle; return (reply, summary)."""
    out = {"error": None, "result": None, "stderr": "", "stdout_bytes": 0}
    while True:
        m = kc.get_iopub_msg(timeout=timeout)
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        c = m["content"]
        if m["msg_type"] == "error":
            out["error"] = {"ename": c["ename"], "evalue": c["evalue"]}
        elif m["msg_type"] == "execute_result":
            out["result"] = c["data"].get("text/plain")
        elif m["msg_type"] == "stream" and c["name"] == "stderr":
            out["stderr"] += c["text"]
        elif m["msg_type"] == "stream" and c["name"] == "stdout":
            out["stdout_bytes"] += len(c["text"].encode())
        elif m["msg_type"] == "status" and c["execution_state"] == "idle":
            break
    reply = kc.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=timeout)
    out["status"] = reply["content"]["status"]
    return out


def run_cell(kc, code):
    return wait_reply(kc, kc.execute(code))


def interrupted(km, kc, code, after=0.5):
    """Run code, interrupt it after `after` s; return its summary and how
    long the reply took after the interrupt."""
    msg_id = kc.execute(code)
    time.sleep(after)
    t = time.perf_counter()
    km.interrupt_kernel()
    out = wait_reply(kc, msg_id)
    out["stop_seconds"] = time.perf_counter() - t
    return out


km = KernelManager(kernel_name=name)
km.start_kernel()
kc = km.client()
kc.start_channels()
kc.wait_for_ready(timeout=TIMEOUT)
pid = km.provisioner.process.pid

try:
    run_cell(kc, 'import "os"\nimport "time"\nkept := 7')

    cells = [
        ("os_exit", 'os.Exit(3)'),
        ("goroutine_panic", 'go func() { panic("boom in a goroutine") }()\ntime.Sleep(10 * time.Second)'),
        ("goroutine_exit", 'go func() { os.Exit(5) }()\ntime.Sleep(10 * time.Second)'),
        ("memory", 'grow := func() {\n\tvar keep [][]byte\n\tfor {\n\t\tkeep = append(keep, make([]byte, 1<<20))\n\t}\n}\ngrow()'),
    ]
    for check, code in cells:
        t = time.perf_counter()
        out = run_cell(kc, code)
        out["seconds"] = time.perf_counter() - t
        out["after"] = run_cell(kc, "kept")
        emit(check, **out)

    # a variable left over the cap: the next cell can still free it
    out = run_cell(kc, 'big := [][]byte{}\nfor len(big) < 1000 {\n\tbig = append(big, make([]byte, 1<<20))\n}')
    out["free"] = run_cell(kc, 'big = nil')
    out["after"] = run_cell(kc, 'small := make([]byte, 100<<20)\nlen(small)')
    emit("memory_global", **out)

    # a print loop: its output is bounded (1 MiB/s, bursts of 4 MiB) and
    # the rest dropped with a note, so the kernel's memory stays small
    out = interrupted(km, kc, 'import "fmt"\nimport "strings"\nline := strings.Repeat("x", 1<<16)\nfor { fmt.Print(line) }', after=3)
    out["seconds"] = 3 + out["stop_seconds"]
    out["after"] = run_cell(kc, "kept")
    for line in open("/proc/%d/status" % pid):
        if line.startswith("VmHWM:"):
            out["kernel_peak_mib"] = int(line.split()[1]) / 1024
    emit("print_flood", **out)

    out = interrupted(km, kc, 'time.Sleep(time.Hour)')
    out["after"] = run_cell(kc, "kept")
    emit("interrupt_sleep", **out)

    # a channel receive: gomacro cannot interrupt it, so the session restarts
    out = interrupted(km, kc, 'ch := make(chan int)\n<-ch')
    out["after"] = run_cell(kc, "kept")
    out["fresh"] = run_cell(kc, "1 + 1")
    emit("interrupt_receive", **out)

    # a panic in a goroutine of a named function or a method value: the
    # go statement is rewritten to call it under recover, so the session
    # survives
    run_cell(kc, 'import "time"\nkept := 8')
    t = time.perf_counter()
    out = run_cell(kc, 'func boom(s string, n int64) { panic(s) }\ngo boom("boom in a named goroutine", 1)\ntime.Sleep(10 * time.Second)')
    out["seconds"] = time.perf_counter() - t
    out["after"] = run_cell(kc, "kept")
    emit("named_goroutine_panic", **out)
    out = run_cell(kc, 'type T struct{ n int }\nfunc (t T) Boom(k int) { panic(t.n + k) }\ngo T{40}.Boom(2)\ntime.Sleep(10 * time.Second)')
    out["after"] = run_cell(kc, "kept")
    emit("method_goroutine_panic", **out)

    # a panic in an interpreted function that compiled code calls on a
    # goroutine of its own cannot be recovered: the session restarts
    out = run_cell(kc, 'time.AfterFunc(time.Millisecond, func() { panic("boom in a callback") })\ntime.Sleep(10 * time.Second)')
    out["after"] = run_cell(kc, "kept")
    out["fresh"] = run_cell(kc, "2 + 2")
    emit("callback_panic", **out)

    # os.Exit from compiled code (log.Fatal)
    out = run_cell(kc, 'import "log"\nlog.Fatal("fatal from compiled code")')
    out["fresh"] = run_cell(kc, "3 + 3")
    emit("compiled_exit", **out)
    emit("kernel", pid=pid, alive=km.is_alive(), same_process=km.provisioner.process.pid == pid)
finally:
    km.shutdown_kernel(now=False)
