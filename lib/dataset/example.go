package dataset

// Example is one natural-language request with the program that answers it,
// the operands in the order the program takes them, and the answer.
type Example struct {
	Text     string  `json:"text"`
	Program  string  `json:"program"`
	Operands []int32 `json:"operands"`
	Expected int32   `json:"expected"`
	Template int     `json:"template"` // index into the program's templates
}
