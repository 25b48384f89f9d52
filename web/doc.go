// Package web is the irsynth dashboard: an Echo server with its pages and
// a JSON API, reading only the result files under one results directory.
//
// Pages
//
//	/            Overview: each phase's numbers, ours beside the study's, with notes on what differs and why
//	/charts      every lib/plots chart, redrawn when a result file changes (polls /api/version)
//	/charts/ID   one chart on its own page (?inline=1 embeds echarts instead of linking it)
//	/playground  type IR or pick a library program, run it, see the result, WAT and bytes, or the error marked
//	/playground  ... and step through a run (the stepper, /static/stepper.js); the address keeps program, args and step
//	/synth       synthesis from examples: progress streamed, the program, its WAT, a run; ambiguity asks the user
//	/reports     executed notebooks (results/reports/*.html), served from /reports/NAME.html
//
// API (JSON; errors are {"error": {"status", "kind", "message", ...}})
//
//	GET  /api/overview        the Overview above as data
//	GET  /api/version         a version string that changes when any result file or report changes
//	GET  /api/charts          chart ids, titles and whether their data is present
//	GET  /api/charts/ID       the chart's echarts option (pass to setOption)
//	GET  /api/programs        the program library
//	GET  /api/programs/NAME   one library program with its WAT
//	POST /api/run             {"ir": "START ... END" | "program": "sum_1_to_n", "args": [100]}
//	POST /api/ask             {"text": "What is 7 factorial?", "model": "classifier" | "decoder"}
//	GET  /api/models          which trained models (results/models/*.ckpt) can answer /api/ask
//	GET  /api/reports         the executed notebooks
//	POST /api/trace           {"program" | "ir", "args", "max_steps"}: every step on the reference interpreter (plots.StepperView)
//	POST /api/synth           {"text", "examples": "1→1, 2→3" | [{"inputs", "output"}], "budget": "10s"}: the
//	                          synthesis record, or with Accept: text/event-stream "progress" events then "result"
//	GET  /api/synth/running   {"running", "limit"}: searches running now
//
// POST /api/run answers 200 with the result, the program, its WAT and its
// WebAssembly bytes (hex); 400 for malformed JSON, unknown fields, a missing
// or doubled program, or the wrong number of arguments; 404 for an unknown
// program name; 413 for a body over Config.BodyLimitKiB; 422 for invalid IR
// (kind "validation", with the opcode's index, op, rule and span in the
// text) and for runs that trap, run out of fuel or out of time (kinds
// "trap", "fuel", "timeout"). Every run has Config.Fuel units of fuel (ir's) and
// Config.Timeout of wall clock. POST /api/ask answers 409 (kind "no_model")
// until `irsynth train` has written a checkpoint, and 422 (kind "operands")
// when the request lacks the operands the chosen program takes. The models
// answer one request at a time, and each request may use them for at most
// Config.AskTimeout (waiting included): 503 (kind "busy", Retry-After) when
// another request held them all that time, 504 (kind "timeout") when the
// answer itself took longer; a client that leaves stops waiting at once, and
// the model call it started stops at its next check (every decoder token).
//
// Invariants (the server stays responsive whatever clients send):
//
//   - At most Config.MaxRuns programs run at once, in two lanes (a short
//     lane with a sixteenth of the fuel, which every program tries first,
//     and a long lane for those that need more); a run that finds no slot
//     before its Config.Timeout gets 503 (kind "busy") with Retry-After.
//   - Serve bounds reading a request (Config.ReadTimeout), writing and
//     idling, and caps open connections (Config.MaxConns), closing the
//     longest-idle one at the cap.
//   - Only Host names of loopback, the bound address and Config.AllowHosts
//     are served (403 otherwise), and a POST from another Origin is refused
//     (403); a wrong method is 405 with Allow.
//   - Result files are read only if regular, without blocking, and
//     validated; a broken one gives the same message on every page and API
//     (the overview's "broken record", 409 kind "bad_record" for its
//     charts), never "not run yet" and never 500.
//
// Static files come from the directory embedded in the binary, and
// echarts.min.js from the copy embedded in lib/plots (plots.EchartsJS); report
// names are checked and opened through an os.Root, so no request reads a
// file outside those directories. Server.Serve shuts down gracefully when
// its context ends (irsynth serve cancels it on SIGINT and SIGTERM).
//
// Where the rules live: server.go (Config, its defaults and limits, routes),
// runner.go (the run lanes and module cache), guard.go (Host and Origin
// checks), conns.go (the connection cap), errors.go and handle_error.go (the
// one error shape and status mapping), api.go, ask.go, trace.go, synth.go
// (one file per API), overview.go and pages.go (the pages).
package web
