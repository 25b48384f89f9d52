package main

import (
	"fmt"
	"strconv"
	"strings"
	"syscall"
)

// memoryLimitEnv sets the session's memory cap when --memory-limit is not
// given.
const memoryLimitEnv = "IRSYNTH_KERNEL_MEMORY_LIMIT"

// memorySize is a byte count written with an optional binary unit: 512MiB,
// 4GiB, 1073741824; 0 means no cap.
type memorySize int64

func (m *memorySize) String() string { return strconv.FormatInt(int64(*m), 10) }

func (m *memorySize) Set(s string) error {
	n, err := parseSize(s)
	if err != nil {
		return err
	}
	*m = memorySize(n)
	return nil
}

func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"TiB", 1 << 40}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n < 0 || n > (1<<62)/mult {
		return 0, fmt.Errorf("memory size %q: want a byte count like 512MiB, 4GiB or 0 (no cap)", s)
	}
	return n * mult, nil
}

// defaultMemoryLimit is env when set, else half of the machine's RAM.
func defaultMemoryLimit(env string) (int64, error) {
	if env != "" {
		return parseSize(env)
	}
	var si syscall.Sysinfo_t
	if err := syscall.Sysinfo(&si); err != nil {
		return 0, nil
	}
	return int64(si.Totalram) * int64(si.Unit) / 2, nil
}
