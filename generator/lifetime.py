"""Child processes of a build die with it.

A build killed while its engine or its workers run must not leave them writing into the
state folder: the next build (whose lock the dead one no longer holds) would find its
work trees or engine outputs changed behind its back. On Linux each child asks the kernel
to kill it when its parent dies (PR_SET_PDEATHSIG); elsewhere nothing is done, and an
orphan runs to its end.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

_PR_SET_PDEATHSIG = 1

# Run by the engine's child interpreter before the engine itself (argv: parent's pid, module, args...).
LAUNCHER = (
    "import ctypes, os, runpy, signal, sys\n"
    "if sys.platform.startswith('linux'):\n"
    "    ctypes.CDLL(None).prctl(1, signal.SIGKILL)\n"
    "    if os.getppid() != int(sys.argv[1]):\n"
    "        os._exit(1)\n"
    "sys.argv = sys.argv[2:]\n"
    "runpy.run_module(sys.argv[0], run_name='__main__', alter_sys=True)\n"
)


def die_with_parent(parent: int) -> None:
    """Called first thing in a forked child: killed when PARENT dies (or already dead)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request: it would never be signalled
        os._exit(1)
