/* story.h: the story model a scenario script builds: stats, flags, scenes, choices, endings.
 * A Story is read-only once loaded; any number of Games can play it (one at a time). */
#ifndef LADDER_STORY_H
#define LADDER_STORY_H

#include <stdbool.h>
#include <stddef.h>

#include "core/util.h"

/* The scripting host's state behind a story, opaque to the core (see core/host.h). */
typedef struct Host Host;
typedef struct HostOps HostOps;

/* A reference to a function held by the story's host (a Lua function); 0 means none. */
typedef int HostFn;

/* What play reads and sets, recorded for `ladder check` (core/usage.h). */
typedef struct StoryUsage StoryUsage;

typedef enum StatGood { GOOD_HIGH, GOOD_LOW, GOOD_NEUTRAL } StatGood;
typedef enum Verdict { VERDICT_GOOD, VERDICT_MIXED, VERDICT_BAD } Verdict;

/* A flag's value: false (never set), a boolean, an integer or a string. */
typedef enum ValType { VAL_BOOL, VAL_INT, VAL_STR } ValType;
typedef struct Value {
    ValType type;
    bool b;
    long long i;
    char *s; /* owned */
} Value;

/* Where a declaration came from, for file:line messages. file points into Story.files. */
typedef struct Pos {
    const char *file;
    int line;
    /* a declaration made inside a helper function: the line of the story's file that called
     * the helper ("called from"); from_file NULL and from_line 0 otherwise */
    const char *from_file;
    int from_line;
} Pos;

typedef struct StatDef {
    char *id, *label;
    int start, min, max;
    StatGood good;
    bool hidden; /* not shown during play; shown at an ending, in the debrief and in explore */
    Pos pos;
    char *description; /* what the stat means in this story and which way is good; or NULL */
} StatDef;

typedef struct FlagDef {
    char *id;
    Value initial;
    bool implicit; /* not declared in story.flags: made by a static set naming it */
} FlagDef;

/* Text is literal (possibly with {interpolation}) or computed by a Lua function. */
typedef struct Text {
    char *str;
    HostFn fn;
} Text;

/* How an effect moves its stat (scenarios/README.md, "Effects"). */
typedef enum EffectKind {
    EFFECT_ADD = 0, /* delta is added:                          burnout = 10 */
    EFFECT_SET,     /* the stat becomes delta:                  acumen = "=60" */
    EFFECT_FAIR_UP, /* delta% of the way from the value to max: burnout = "+20%" */
    EFFECT_FAIR_DOWN /* delta% of the way to min:               trust = "-10%" */
} EffectKind;

typedef struct Effect {
    char *stat;
    int index; /* into Story.stats, resolved at load */
    int delta; /* the change, the value set, or the percentage (0..100), by kind */
    EffectKind kind;
} Effect;

typedef struct FlagSet {
    char *flag;
    int index; /* into Story.flags */
    Value value;
} FlagSet;

/* Stat deltas, static or from a function returning { stat = delta, ... }. */
typedef struct Effects {
    Effect *v;
    size_t n;
    HostFn fn;
} Effects;

/* Flag assignments, static or from a function returning { flag = value, ... }. */
typedef struct Sets {
    FlagSet *v;
    size_t n;
    HostFn fn;
} Sets;

/* What the source material advises at a decision, for the debrief and explore's strategies. */
typedef enum Advice { ADVICE_NONE, ADVICE_FOLLOWS, ADVICE_AGAINST } Advice;

/* One entry of a choice's `requires`: the choice is available when stat >= min. */
typedef struct Requirement {
    char *stat;
    int index; /* into Story.stats, resolved at load */
    int min;
} Requirement;

typedef struct Choice {
    char *id; /* stable within its scene */
    bool derived_id; /* id made from the text, not written by the author */
    Text text;
    HostFn when; /* 0: always shown */
    Effects effects;
    Sets set;
    char *go;     /* static target id, or NULL when go_fn is used */
    int go_index; /* resolved static target */
    HostFn go_fn;
    char *lesson; /* optional, overrides the scene's lesson in the debrief */
    bool once;    /* offered until taken once in this playthrough (read from the journal) */
    Text reply;   /* optional (str NULL and fn 0: none): shown right after the choice */
    Requirement *requires; /* all must hold for the choice to be available; shown when not */
    size_t n_requires;
    char *show_locked; /* optional: when `when` is false, shown disabled with this reason */
    Advice advice;
    Pos pos;
} Choice;

typedef struct Scene {
    char *id;
    bool ending;
    char *chapter; /* optional: shown from this scene on */
    Text text;
    Effects effects; /* applied on arrival */
    Sets set;        /* applied on arrival */
    char *lesson, *discuss;
    char *advice; /* optional: what the story's source advises at this decision, in a sentence
                     (the end-of-run recap shows it beside the choice taken) */
    Choice *choices;
    size_t n_choices;
    size_t choice_base; /* index of choices[0] among all of the story's choices */
    /* endings */
    char *title;
    Verdict verdict;
    Pos pos;
} Scene;

/* A forced jump when a stat crosses a threshold (e.g. burnout reaches 100). */
typedef struct Threshold {
    int stat;
    bool at_least; /* true: stat >= value; false: stat <= value */
    int value;
    char *go;
    int go_index;
    Pos pos;
} Threshold;

typedef struct Story {
    char *id, *title, *summary, *author, *content_note;
    char *start;
    int start_index;
    int order;      /* position in the title menu (lower first) */
    StatDef *stats;
    size_t n_stats;
    FlagDef *flags;
    size_t n_flags;
    bool flags_sorted; /* flags are in strcmp order of id (set once the story is checked) */
    Scene *scenes;
    size_t n_scenes, cap_scenes;
    size_t n_choices_total;
    Threshold *thresholds;
    size_t n_thresholds;
    char hash[24];  /* content hash of every file, hex */
    char *path;     /* the file or folder it was loaded from */
    char **files;   /* every file loaded, in order */
    size_t n_files;
    Pos pos;        /* of the story { } declaration */
    bool ask_name;  /* front ends ask for the player's name at the start of a new game */
    char **chapters; /* a campaign: the ids of the stories it plays in order; else NULL */
    size_t n_chapters;
    Effects between; /* a campaign's: what the time between two chapters does to the stats
                        carried over (game_new_after); Effect.index unused (-1) */
    StoryUsage *usage; /* check's record of what play reads and sets, or NULL (not kept);
                        * borrowed from check (core/usage.h), which also clears it */
    Host *host;     /* owned: the host state that runs the story's functions */
    const HostOps *host_ops; /* the host that loaded the story (frees host) */
    /* lookup table: open addressing over scene ids */
    int *scene_slots;
    size_t n_slots;
} Story;

/* Limits on a story's size: far beyond any story worth playing, and small enough that every
 * check and lookup over a story stays fast whatever a script declares. */
#define STORY_MAX_SCENES 10000     /* scenes and endings */
#define STORY_MAX_CHOICES 100      /* choices in one scene */
#define STORY_MAX_STATS 100
#define STORY_MAX_FLAGS 1000
#define STORY_MAX_THRESHOLDS 1000  /* when_stat rules */
#define STORY_MAX_CHAPTERS 100
#define STORY_MAX_TEXT_TOTAL (16u << 20) /* bytes of literal strings, each listing counted */

/* Load a story from a scenario file or folder (every *.lua in it, story.lua first) with the
 * installed scripting host (host_install). Returns NULL and fills err with file:line messages
 * when the script is broken, or when no host is installed. Caller frees with story_free. */
Story *story_load(const char *path, Err *err);
/* The same, in a host state whose pairs() visits the keys of a table in another order than
 * variant 0 does, as a state in another process would (for tools that check that a story
 * plays the same way every time). */
Story *story_load_variant(const char *path, unsigned variant, Err *err);
/* Free s, its host state included. NULL: nothing. */
void story_free(Story *s);

/* Lookups by id: the index into s->scenes, s->stats, s->flags or sc->choices, or -1 if
 * absent. Scenes are found through a hash table (O(1)); stats and choices by a linear scan;
 * flags by binary search once flags_sorted is set. */
int story_find_scene(const Story *s, const char *id);
int story_find_stat(const Story *s, const char *id);
int story_find_flag(const Story *s, const char *id);
int story_find_choice(const Scene *sc, const char *id);

/* Free arrays (and the flag values' strings) of stat changes and flag assignments as
 * HostOps.call_effects/call_set return them (their names are NULL and not freed; their indexes
 * are resolved). NULL: nothing. */
void story_free_effects(Effect *v, size_t n);
void story_free_sets(FlagSet *v, size_t n);

/* Read an effect written as a string: "=N" (set to N), "+P%" or "-P%" (fairmath, P in 0..100),
 * "+N" or "-N" (add N, as a number would). Fills e->kind and e->delta; false when text is none
 * of these (e untouched). */
bool story_effect_parse(const char *text, Effect *e);

/* Names as saves, results and the JSON protocol write them. Static strings: never freed. */
const char *story_verdict_name(Verdict v);          /* "good", "mixed", "bad" */
const char *story_stat_good_name(StatGood g); /* "high", "low", "neutral" */

/* Free v's string (if it holds one) and set it to NULL; v itself is the caller's. */
void story_value_free(Value *v);
/* A deep copy of v: its string is malloc'd (free with story_value_free). */
Value story_value_copy(const Value *v);
/* True if a and b have the same type and value (strings compared byte by byte). */
bool story_value_equal(const Value *a, const Value *b);
/* Append the display form of v: "yes"/"no", a number, or the string. */
void story_value_format(const Value *v, Buf *out);

#endif
