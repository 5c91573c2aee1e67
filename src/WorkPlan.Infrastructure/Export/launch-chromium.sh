#!/bin/sh
# Starts the PDF renderer's Chromium ($WORKPLAN_CHROMIUM, with the arguments given) so that it cannot outlive
# the app: setpriv (util-linux) sets the parent-death signal to SIGKILL and then becomes Chromium, so the kernel
# kills the browser as soon as the app's thread that started it ends, however the app ends (even by kill -9).
# The browser's own processes (zygotes, renderers, GPU and network services) end with the browser.
exec setpriv --pdeathsig KILL -- "$WORKPLAN_CHROMIUM" "$@"
