/* test_rng.c: the seeded generator behind every random event of a game. */
#include "support.h"

#include "core/rng.h"
#include "lua/lua_host.h"

static void test_same_seed_same_sequence(void **state)
{
    (void)state;
    Rng a, b;
    rng_seed(&a, 12345);
    rng_seed(&b, 12345);
    for (int i = 0; i < 1000; i++)
        assert_int_equal(rng_next(&a), rng_next(&b));
    /* re-seeding starts the sequence over */
    Rng c;
    rng_seed(&c, 12345);
    uint32_t first = rng_next(&c);
    for (int i = 0; i < 10; i++)
        rng_next(&c);
    rng_seed(&c, 12345);
    assert_int_equal(rng_next(&c), first);
}

/* Saves store only the seed and replay the choices: the sequence of a seed must never change
 * from one build or machine to the next, or old saves would replay into other games. The values
 * come from an independent model of PCG32 (XSH-RR, pcg32_srandom_r) seeded through splitmix64:
 * initseq is the first splitmix64 output, initstate the second. */
static void test_sequence_is_stable(void **state)
{
    (void)state;
    static const uint32_t expect[] = {0x68d5e177u, 0x0c60432fu, 0x43e914b9u, 0x40f9f8ceu};
    Rng r;
    rng_seed(&r, 42);
    for (size_t i = 0; i < sizeof expect / sizeof *expect; i++)
        assert_int_equal(rng_next(&r), expect[i]);
}

static void test_different_seeds_differ(void **state)
{
    (void)state;
    const uint64_t seeds[] = {0, 1, 2, 42, UINT64_MAX};
    size_t n = sizeof seeds / sizeof *seeds;
    uint32_t first[5][8];
    for (size_t s = 0; s < n; s++) {
        Rng r;
        rng_seed(&r, seeds[s]);
        for (int i = 0; i < 8; i++)
            first[s][i] = rng_next(&r);
    }
    for (size_t s = 0; s < n; s++)
        for (size_t t = s + 1; t < n; t++)
            assert_memory_not_equal(first[s], first[t], sizeof first[s]);
}

static void test_range_bounds(void **state)
{
    (void)state;
    static const struct {
        int64_t lo, hi;
    } ranges[] = {{0, 1},     {3, 7},     {-5, -1},         {-3, 3},
                  {0, 99},    {-1000000, 1000000},          {INT64_MAX - 2, INT64_MAX},
                  {INT64_MIN, INT64_MIN + 2}};
    Rng r;
    rng_seed(&r, 7);
    for (size_t k = 0; k < sizeof ranges / sizeof *ranges; k++)
        for (int i = 0; i < 2000; i++) {
            int64_t v = rng_range(&r, ranges[k].lo, ranges[k].hi);
            if (v < ranges[k].lo || v > ranges[k].hi) {
                print_error("rng_range(%lld, %lld) gave %lld\n", (long long)ranges[k].lo,
                            (long long)ranges[k].hi, (long long)v);
                fail();
            }
        }
}

static void test_range_single_value(void **state)
{
    (void)state;
    Rng r;
    rng_seed(&r, 99);
    for (int i = 0; i < 100; i++) {
        assert_true(rng_range(&r, 42, 42) == 42);
        assert_true(rng_range(&r, -7, -7) == -7);
        assert_true(rng_range(&r, 0, 0) == 0);
        assert_true(rng_range(&r, INT64_MIN, INT64_MIN) == INT64_MIN);
    }
}

static void test_range_hits_every_value(void **state)
{
    (void)state;
    Rng r;
    rng_seed(&r, 2024);
    int seen[7] = {0}; /* -3..3 */
    for (int i = 0; i < 7000; i++)
        seen[rng_range(&r, -3, 3) + 3]++;
    for (int v = 0; v < 7; v++) {
        /* 1000 expected each: far from zero, and no value twice as likely as it should be */
        if (seen[v] < 800 || seen[v] > 1200) {
            print_error("value %d drawn %d times out of 7000\n", v - 3, seen[v]);
            fail();
        }
    }
}

static void test_range_full_width(void **state)
{
    (void)state;
    /* the span of the whole 64-bit range does not fit in 64 bits; it must not hang or crash */
    Rng r;
    rng_seed(&r, 5);
    bool neg = false, pos = false;
    for (int i = 0; i < 64; i++) {
        int64_t v = rng_range(&r, INT64_MIN, INT64_MAX);
        neg |= v < 0;
        pos |= v > 0;
    }
    assert_true(neg && pos);
}

static void test_unit_interval(void **state)
{
    (void)state;
    Rng r;
    rng_seed(&r, 31337);
    double sum = 0, lo = 1, hi = 0;
    const int n = 100000;
    for (int i = 0; i < n; i++) {
        double u = rng_unit(&r);
        if (!(u >= 0.0 && u < 1.0)) {
            print_error("rng_unit gave %.17g\n", u);
            fail();
        }
        sum += u;
        lo = u < lo ? u : lo;
        hi = u > hi ? u : hi;
    }
    /* spread over the interval, centred on one half */
    assert_true(lo < 0.001 && hi > 0.999);
    assert_true(sum / n > 0.49 && sum / n < 0.51);
}

/* Seeds as the command line gives them: digits only, the whole 64-bit range. */
static void test_parse_seed(void **state)
{
    (void)state;
    uint64_t v = 7;
    assert_true(rng_parse_seed("0", &v) && v == 0);
    assert_true(rng_parse_seed("42", &v) && v == 42);
    assert_true(rng_parse_seed("18446744073709551615", &v) && v == UINT64_MAX);
    v = 7;
    const char *bad[] = {"", "-1", "+1", " 1", "1 ", "1x", "0x10", "18446744073709551616", "banana"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (rng_parse_seed(bad[i], &v)) {
            print_error("'%s' parsed as a seed\n", bad[i]);
            fail();
        }
        assert_int_equal(v, 7);
    }
    assert_false(rng_parse_seed(NULL, &v));
}

int main(void)
{
    host_install(lua_host()); /* the scripting host behind story_load */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_seed_same_sequence),
        cmocka_unit_test(test_sequence_is_stable),
        cmocka_unit_test(test_different_seeds_differ),
        cmocka_unit_test(test_range_bounds),
        cmocka_unit_test(test_range_single_value),
        cmocka_unit_test(test_range_hits_every_value),
        cmocka_unit_test(test_range_full_width),
        cmocka_unit_test(test_unit_interval),
        cmocka_unit_test(test_parse_seed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
