// libFuzzer's entry for a program with its own main (compiler-rt's FuzzerInterface.h). Declared only: the symbol
// comes from the libFuzzer runtime that `-sanitize=fuzzer` links, and only the fuzz build (-D FUZZING) calls it.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
