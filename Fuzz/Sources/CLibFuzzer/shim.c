// The driver lives in libFuzzer; this target only carries its declaration.
