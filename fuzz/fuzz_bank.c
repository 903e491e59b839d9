/*
 * fuzz_bank.c -- libFuzzer target: the bank loader (ytree.c and bank.c)
 * on arbitrary bytes.  Any input must give a bank or diagnostics, never
 * a crash, a hang or a leak.
 */
#include <config.h>

#include <stddef.h>
#include <stdint.h>

#include "bank.h"
#include "diag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list dl = {0};
	struct bank *b = bank_parse("fuzz.yaml", (const char *)data, size, &dl, BANK_EXAMPLES);
	bank_free(b);
	diag_clear(&dl);
	return 0;
}
