"""Drive the irsynth kernel through jupyter_client, a real Jupyter client.

Usage: protocol.py KERNEL_NAME [ROUNDS]
Prints one JSON object per check on stdout: {"check": name, ...observed...}.
The Go test (kernel/protocol_test.go) asserts on what it observes; this
script only records. JUPYTER_PATH must make KERNEL_NAME findable.
"""
import hashlib
import hmac
import json
import sys
import time
import uuid

import zmq
from jupyter_client.manager import KernelManager

name = sys.argv[1]
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 50
TIMEOUT = 60


def emit(check, **kw):
    kw["check"] = check
    print(json.dumps(kw), flush=True)


def run_cell(kc, code, timeout=TIMEOUT):
    """Execute code; return (reply content, list of iopub messages for it)."""
    msg_id = kc.execute(code)
    msgs = []
    while True:
        m = kc.get_iopub_msg(timeout=timeout)
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        msgs.append(m)
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            break
    reply = kc.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=timeout)
    return reply["content"], msgs


def summary(msgs):
    out = {"types": [m["msg_type"] for m in msgs], "stdout": "", "stderr": "", "result": None, "display": [], "error": None}
    for m in msgs:
        c = m["content"]
        if m["msg_type"] == "stream":
            out[c["name"]] += c["text"]
        elif m["msg_type"] == "execute_result":
            out["result"] = c["data"]
        elif m["msg_type"] == "display_data":
            out["display"].append(c["data"])
        elif m["msg_type"] == "error":
            out["error"] = {"ename": c["ename"], "evalue": c["evalue"]}
    return out


t0 = time.perf_counter()
km = KernelManager(kernel_name=name)
km.start_kernel()
kc = km.client()
kc.start_channels()
kc.wait_for_ready(timeout=TIMEOUT)
emit("start", seconds=time.perf_counter() - t0)

try:
    info = kc.kernel_info(reply=True, timeout=TIMEOUT)["content"]
    emit("kernel_info", content=info)

    t = time.perf_counter()
    reply, msgs = run_cell(kc, 'x := 20\nx + 22')
    emit("first_cell", seconds=time.perf_counter() - t)
    emit("execute", reply=reply, **summary(msgs))

    reply, msgs = run_cell(kc, 'import "fmt"\nimport "os"\nfor i := 0; i < 3; i++ { fmt.Println("line", i) }\nfmt.Fprintln(os.Stderr, "to stderr")')
    emit("stream", reply=reply, **summary(msgs))

    # streaming: the first line must arrive while the cell still sleeps
    msg_id = kc.execute('import "time"\nfmt.Println("early")\ntime.Sleep(1500 * time.Millisecond)\nfmt.Println("late")')
    t_start = time.perf_counter()
    first = None
    while True:
        m = kc.get_iopub_msg(timeout=TIMEOUT)
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "stream" and first is None:
            first = time.perf_counter() - t_start
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            break
    total = time.perf_counter() - t_start
    kc.get_shell_msg(timeout=TIMEOUT)
    emit("streaming", first_stream_seconds=first, total_seconds=total)

    reply, msgs = run_cell(kc, 'var m map[string]int\nm["boom"] = 1')
    emit("panic", reply=reply, **summary(msgs))
    reply, msgs = run_cell(kc, 'panic("custom failure")')
    emit("panic_value", reply=reply, **summary(msgs))
    reply, msgs = run_cell(kc, 'y := undefinedName + 1')
    emit("compile_error", reply=reply, **summary(msgs))
    reply, msgs = run_cell(kc, 'x * 2')
    emit("survives", reply=reply, **summary(msgs))

    # "run all" behind a failing cell: the queued cells are aborted
    # (the failing cell sleeps first, so that the queued requests are sent
    # before it fails, as "run all" does)
    ids = [kc.execute('time.Sleep(300 * time.Millisecond)\npanic("stop here")'), kc.execute('queued := 1'), kc.execute('queued')]
    replies = {}
    while len(replies) < 3:
        r = kc.get_shell_msg(timeout=TIMEOUT)
        replies[r["parent_header"].get("msg_id")] = r["content"]["status"]
    emit("abort_queue", statuses=[replies[i] for i in ids])
    time.sleep(0.05)
    reply, msgs = run_cell(kc, 'x')
    emit("after_abort", reply=reply, **summary(msgs))

    # interrupt a cell that would loop forever
    msg_id = kc.execute('n := 0\nfor { n++ }')
    time.sleep(1.0)
    t_int = time.perf_counter()
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=TIMEOUT)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
    stop = time.perf_counter() - t_int
    reply2, msgs2 = run_cell(kc, 'n > 0')
    emit("interrupt", reply=reply["content"], stop_seconds=stop, next=summary(msgs2), next_reply=reply2)

    # a compiled library call that watches the cell's context
    msg_id = kc.execute('import "github.com/irsynth/irsynth/kernel/display"\n<-display.Context().Done()\n"cancelled"')
    time.sleep(0.5)
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=TIMEOUT)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
    emit("interrupt_context", reply=reply["content"])

    # rich display
    reply, msgs = run_cell(kc, 'display.Show(display.Markdown("**shown**"))\ndisplay.HTML("<b>last</b>")')
    emit("display", reply=reply, **summary(msgs))
    reply, msgs = run_cell(kc, 'type Badge struct{ Label string }\nfunc (b Badge) HTML() string { return "<span>" + b.Label + "</span>" }\nBadge{"ok"}')
    emit("display_interpreted", reply=reply, **summary(msgs))

    # bad signature: a correctly framed execute_request signed with a wrong key
    ctx = zmq.Context()
    sock = ctx.socket(zmq.DEALER)
    sock.setsockopt(zmq.IDENTITY, b"intruder")
    sock.connect("%s://%s:%d" % (km.transport, km.ip, km.shell_port))
    header = json.dumps({"msg_id": str(uuid.uuid4()), "session": str(uuid.uuid4()), "username": "x",
                         "date": "2026-01-01T00:00:00Z", "msg_type": "execute_request", "version": "5.3"}).encode()
    parts = [header, b"{}", b"{}", json.dumps({"code": 'x = 1000', "silent": False}).encode()]
    sig = hmac.new(b"not-the-key", digestmod=hashlib.sha256)
    for p in parts:
        sig.update(p)
    sock.send_multipart([b"<IDS|MSG>", sig.hexdigest().encode()] + parts)
    answered = sock.poll(1500) != 0
    sock.close(0)
    ctx.term()
    reply, msgs = run_cell(kc, 'x')
    emit("bad_signature", answered=answered, after=summary(msgs))

    c = kc.complete('fmt.Sprin', 10, reply=True, timeout=TIMEOUT)["content"]
    emit("complete", content=c)
    run_cell(kc, 'import "github.com/irsynth/irsynth/lib/ir"')
    code = 'p := ir.Libr'
    c = kc.complete(code, len(code), reply=True, timeout=TIMEOUT)["content"]
    emit("complete_lib", content=c)

    res = {}
    for code in ["x := 1", "func f() {", "s := `raw", "}}"]:
        msg_id = kc.is_complete(code)
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = kc.get_shell_msg(timeout=TIMEOUT)
        res[code] = reply["content"]
    emit("is_complete", content=res)

    c = kc.inspect('ir.Parse', 4, reply=True, timeout=TIMEOUT)["content"]
    emit("inspect", content=c)

    # library program renders as a listing with its WAT
    reply, msgs = run_cell(kc, 'spec, _ := ir.LibraryProgram("sum_1_to_n")\nspec.Program')
    emit("program_display", reply=reply, **summary(msgs))

    # round trip of a trivial cell
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        run_cell(kc, "1")
        times.append(time.perf_counter() - t)
    times.sort()
    emit("roundtrip", median_seconds=times[len(times) // 2], rounds=rounds)
finally:
    t = time.perf_counter()
    km.shutdown_kernel(now=False)
    emit("shutdown", seconds=time.perf_counter() - t, alive=km.is_alive())
