"""Start the kernel through jupyter_client, print its pid and ports, then
wait to be killed (kernel/survive_test.go SIGKILLs this process).

Usage: parent.py KERNEL_NAME
"""
import json
import sys
import time

from jupyter_client.manager import KernelManager

km = KernelManager(kernel_name=sys.argv[1])
km.start_kernel()
kc = km.client()
kc.start_channels()
kc.wait_for_ready(timeout=60)
print(json.dumps({"pid": km.provisioner.process.pid, "ip": km.ip,
                  "ports": [km.shell_port, km.iopub_port, km.stdin_port, km.control_port, km.hb_port]}), flush=True)
time.sleep(600)
