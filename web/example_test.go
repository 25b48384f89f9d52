package web_test

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strings"

	"github.com/irsynth/irsynth/web"
)

// A run through the JSON API, without a network listener.
func Example() {
	s, err := web.New(web.Config{ResultsDir: "testdata/no-results-yet"})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	req := httptest.NewRequest("POST", "http://127.0.0.1/api/run", strings.NewReader(`{"program":"sum_1_to_n","args":[100]}`))
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	var out web.RunResponse
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rec.Code, out.Name, out.Result)

	req = httptest.NewRequest("POST", "http://127.0.0.1/api/run", strings.NewReader(`{"ir":"START CONST_1 I32_ADD END","args":[]}`))
	rec = httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	fmt.Println(rec.Code, strings.TrimSpace(rec.Body.String()))
	// Output:
	// 200 sum_1_to_n 5050
	// 422 {"error":{"status":422,"kind":"validation","message":"op 2 I32_ADD: stack underflow: needs 2, has 1","index":2,"op":"I32_ADD","rule":"stack underflow","detail":"needs 2, has 1","span":[14,21]}}
}
