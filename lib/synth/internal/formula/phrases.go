package formula

func (c *collector) phrases(text string) {}
