/* test_host.c: the core plays a story through core/host.h alone. A stub host written in C (no
 * Lua: this test links the core library only) builds a story with story_build.h and answers the
 * callbacks; the rules call it for texts, conditions, effects and targets, and pass its errors
 * on. */
#include "support.h"

#include <stdlib.h>

#include "core/host.h"
#include "core/story_build.h"
#include "core/story_check.h"

/* The stub's functions, by HostFn. */
enum { FN_TEXT = 1, FN_WHEN, FN_GO, FN_EFFECTS, FN_FAIL };

struct Host {
    int steps; /* step calls seen */
    int calls; /* callbacks seen */
};

static void stub_free(Host *h)
{
    free(h);
}

static void stub_step(Host *h)
{
    h->steps++;
}

static int stub_bool(Host *h, HostFn fn, Game *g, const HostCall *at, bool *out, Err *err)
{
    h->calls++;
    if (fn == FN_FAIL) {
        err_set(err, "stub.c:7: the condition failed (scene '%s', %s)", at->scene->id, at->what);
        return -1;
    }
    assert_int_equal(fn, FN_WHEN);
    *out = game_stat(g, 0) >= 50;
    return 0;
}

static int stub_string(Host *h, HostFn fn, Game *g, const HostCall *at, char **out, Err *err)
{
    (void)err;
    h->calls++;
    if (fn == FN_TEXT) {
        *out = xstrdup("Energy is {energy}, {player}.");
        (void)at;
        return 0;
    }
    assert_int_equal(fn, FN_GO);
    *out = xstrdup(game_stat(g, 0) > 55 ? "win" : "desk");
    return 0;
}

static int stub_effects(Host *h, HostFn fn, Game *g, const HostCall *at, Effect **out,
                        size_t *n, Err *err)
{
    (void)g, (void)at, (void)err;
    h->calls++;
    assert_int_equal(fn, FN_EFFECTS);
    *out = xcalloc(1, sizeof **out);
    (*out)[0].index = 0;
    (*out)[0].delta = 20;
    *n = 1;
    return 0;
}

static int stub_set(Host *h, HostFn fn, Game *g, const HostCall *at, FlagSet **out, size_t *n,
                    Err *err)
{
    (void)h, (void)fn, (void)g, (void)at, (void)out, (void)n;
    err_set(err, "no flag functions in the stub");
    return -1;
}

static Story *stub_load(const char *path, unsigned variant, Err *err);

static const HostOps STUB = {
    .name = "stub",
    .load = stub_load,
    .free = stub_free,
    .step = stub_step,
    .call_bool = stub_bool,
    .call_string = stub_string,
    .call_effects = stub_effects,
    .call_set = stub_set,
};

static Choice *add_choice(Scene *sc, const char *id, const char *text, const char *go)
{
    sc->choices = realloc(sc->choices, (sc->n_choices + 1) * sizeof *sc->choices);
    Choice *c = &sc->choices[sc->n_choices++];
    memset(c, 0, sizeof *c);
    c->id = xstrdup(id);
    c->text.str = xstrdup(text);
    c->go = go ? xstrdup(go) : NULL;
    return c;
}

/* desk: a function text; "push" shown while energy >= 50, going where FN_GO says; "rest" adds
 * 20 energy through FN_EFFECTS and comes back. Endings: win. path "fail" makes the text's
 * condition fail instead. */
static Story *stub_load(const char *path, unsigned variant, Err *err)
{
    (void)variant;
    Story *s = xcalloc(1, sizeof *s);
    s->host = xcalloc(1, sizeof *s->host);
    s->host_ops = &STUB;
    s->path = xstrdup(path);
    s->files = xcalloc(1, sizeof *s->files);
    s->files[0] = xstrdup("stub.c");
    s->n_files = 1;
    Pos pos = {.file = s->files[0], .line = 1};
    s->pos = pos;
    s->id = xstrdup("stub");
    s->title = xstrdup("Stub");
    s->summary = xstrdup("");
    s->start = xstrdup("desk");
    s->stats = xcalloc(1, sizeof *s->stats);
    s->stats[0] = (StatDef){xstrdup("energy"), xstrdup("Energy"), 50, 0, 100, GOOD_HIGH, false, pos, NULL};
    s->n_stats = 1;
    Scene *desk = story_add_scene(s);
    desk->id = xstrdup("desk");
    desk->text.fn = FN_TEXT;
    desk->pos = pos;
    Choice *push = add_choice(desk, "push", "Push on", NULL);
    push->when = strcmp(path, "fail") == 0 ? FN_FAIL : FN_WHEN;
    push->go_fn = FN_GO;
    push->pos = pos;
    Choice *rest = add_choice(desk, "rest", "Rest", "desk");
    rest->effects.fn = FN_EFFECTS;
    rest->pos = pos;
    Scene *win = story_add_scene(s);
    win->id = xstrdup("win");
    win->ending = true;
    win->title = xstrdup("Done");
    win->text.str = xstrdup("You finish.");
    win->pos = pos;
    StoryProblems p = {0};
    story_resolve(s, &p);
    if (p.n) {
        story_problems_to_err(&p, err);
        story_free(s);
        return NULL;
    }
    return s;
}

static void test_no_host(void **state)
{
    (void)state;
    host_install(NULL);
    Err err;
    assert_null(story_load("anything", &err));
    assert_non_null(strstr(err.msg, "no scripting host is installed"));
}

static void test_plays_through_the_contract(void **state)
{
    (void)state;
    host_install(&STUB);
    Err err;
    Story *s = story_load("stub", &err);
    assert_non_null(s);
    Game *g = game_new(s, 1, "Ana", &err);
    assert_non_null(g);
    assert_int_equal(s->host->steps, 1);
    assert_string_equal(game_text(g), "Energy is 50, Ana.");
    assert_int_equal(game_choice_count(g), 2); /* energy 50: push is shown */
    assert_int_equal(game_choose_id(g, "rest", 0, &err), 0);
    assert_int_equal(game_stat(g, 0), 70); /* the host's effects applied */
    assert_int_equal(s->host->steps, 2);
    assert_int_equal(game_choose_id(g, "push", 0, &err), 0);
    assert_true(game_ended(g)); /* the host's target: energy 70 > 55 goes to win */
    assert_string_equal(game_scene(g)->id, "win");
    assert_true(s->host->calls >= 6);
    game_free(g);
    story_free(s); /* frees the host through HostOps.free (ASan and valgrind watch) */
}

static void test_host_errors_reach_the_caller(void **state)
{
    (void)state;
    host_install(&STUB);
    Err err;
    Story *s = story_load("fail", &err);
    assert_non_null(s);
    assert_null(game_new(s, 1, "Ana", &err));
    assert_string_equal(err.msg, "stub.c:7: the condition failed (scene 'desk', when)");
    story_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_host),
        cmocka_unit_test(test_plays_through_the_contract),
        cmocka_unit_test(test_host_errors_reach_the_caller),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
