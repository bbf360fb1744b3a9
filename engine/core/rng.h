/* rng.h: the engine's only source of randomness, a seeded PCG32 generator. */
#ifndef LADDER_RNG_H
#define LADDER_RNG_H

#include <stdbool.h>
#include <stdint.h>

typedef struct Rng {
    uint64_t state, inc;
} Rng;

/* Seed the generator. The same seed gives the same sequence on every machine. */
void rng_seed(Rng *r, uint64_t seed);
/* The next 32 random bits (PCG-XSH-RR of O'Neill, "PCG: A Family of Simple Fast Space-Efficient
 * Statistically Good Algorithms for Random Number Generation", 2014; pcg-random.org). */
uint32_t rng_next(Rng *r);
/* Uniform integer in [lo, hi] (inclusive, lo <= hi), without modulo bias. */
int64_t rng_range(Rng *r, int64_t lo, int64_t hi);
/* Uniform double in [0, 1), 53 bits. */
double rng_unit(Rng *r);

/* Parse a seed as the command line gives it: decimal digits only, 0 to 2^64-1 (no sign, no
 * spaces, nothing after). Returns true with *out set, or false with *out untouched. */
bool rng_parse_seed(const char *s, uint64_t *out);

#endif
