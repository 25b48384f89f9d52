//go:debug gotypesalias=0

package kernel_test

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/irsynth/irsynth/kernel"
)

// ServeSession is the session child's side: Serve starts it in a child
// process and sends it one JSON request per line. Here it runs in-process
// on two pipes.
func ExampleServeSession() {
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	done := make(chan error)
	go func() { done <- kernel.ServeSession(kernel.SessionConfig{In: inR, Out: outW}) }()
	replies := bufio.NewReader(outR)
	// the session redirects os.Stdout while a cell runs: print at the end
	var got []string
	for _, code := range []string{`x := 6`, `import "fmt"` + "\nfmt.Println(\"hi\")\nx * 7", `import "os"` + "\nos.Exit(2)"} {
		fmt.Fprintf(inW, "{\"op\":\"execute\",\"code\":%q}\n", code)
		for {
			line, _ := replies.ReadString('\n')
			got = append(got, line)
			if strings.HasPrefix(line, `{"op":"reply"`) || line == "" {
				break
			}
		}
	}
	inW.Close()
	err := <-done
	fmt.Print(strings.Join(got, ""))
	fmt.Println(err)
	// Output:
	// {"op":"reply"}
	// {"op":"stream","name":"stdout","text":"hi\n"}
	// {"op":"reply","data":{"text/plain":"42"}}
	// {"op":"reply","error":{"status":"error","ename":"Exit","evalue":"os.Exit(2) called: the cell stopped; the session and its variables are kept","traceback":["Exit: os.Exit(2) called: the cell stopped; the session and its variables are kept"]}}
	// <nil>
}
