/* rng.c: PCG32 (O'Neill, pcg-random.org), seeded through splitmix64. */
#include "core/rng.h"

#include <errno.h>
#include <stdlib.h>

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

void rng_seed(Rng *r, uint64_t seed)
{
    uint64_t x = seed;
    r->state = 0;
    r->inc = (splitmix64(&x) << 1u) | 1u;
    rng_next(r);
    r->state += splitmix64(&x);
    rng_next(r);
}

uint32_t rng_next(Rng *r)
{
    uint64_t old = r->state;
    r->state = old * 6364136223846793005ULL + r->inc;
    uint32_t xorshifted = (uint32_t)(((old >> 18u) ^ old) >> 27u);
    uint32_t rot = (uint32_t)(old >> 59u);
    return (xorshifted >> rot) | (xorshifted << ((-rot) & 31));
}

static uint64_t next64(Rng *r)
{
    return ((uint64_t)rng_next(r) << 32) | rng_next(r);
}

int64_t rng_range(Rng *r, int64_t lo, int64_t hi)
{
    uint64_t span = (uint64_t)hi - (uint64_t)lo + 1;
    if (span == 0) /* the full 64-bit range */
        return (int64_t)next64(r);
    uint64_t limit = UINT64_MAX - UINT64_MAX % span;
    uint64_t x;
    do
        x = next64(r);
    while (x >= limit);
    return (int64_t)((uint64_t)lo + x % span);
}

double rng_unit(Rng *r)
{
    return (double)(next64(r) >> 11) * (1.0 / 9007199254740992.0);
}

bool rng_parse_seed(const char *s, uint64_t *out)
{
    if (!s || *s < '0' || *s > '9') /* strtoull would take a sign or spaces */
        return false;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end)
        return false;
    *out = (uint64_t)v;
    return true;
}
