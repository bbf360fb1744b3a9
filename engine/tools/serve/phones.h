/* phones.h: room mode with the room's phones (`ladder workshop STORY --phones`): the room is
 * played through `ladder serve`'s HTTP server. Participants join from their phones with a room
 * code and vote; the projector page shows the scene, the question and the live tally; the
 * presenter page (the facilitator's token) holds every control. Votes and decisions go
 * through the room (core/room.h), which journals each one, so `--continue` resumes a room
 * killed mid-vote with the votes already cast. The routes are in phones.c; README, "Room mode
 * with phones", documents them. */
#ifndef LADDER_PHONES_H
#define LADDER_PHONES_H

#include <stdbool.h>

#include "core/room.h"

typedef struct PhonesOptions {
    const char *listen; /* ADDR:PORT, or NULL: 127.0.0.1 (0.0.0.0 with lan), port 8080.. */
    bool lan;           /* listen on every interface and print the join QR code */
    int timer;          /* seconds of discussion the presenter's timer starts with (0: 120) */
} PhonesOptions;

/* Serve room r (journaled already, or continued) until Ctrl-C or the presenter ends it and
 * Ctrl-C follows. The participants, the room code and the facilitator's token are kept in the
 * data folder under serve/STEM (room_stem), so --continue finds them again and the phones'
 * cookies still work. Returns 0, or -1 with err (a bad --listen, no port free, no data
 * folder). */
int phones_run(Room *r, const PhonesOptions *o, Err *err);

#endif
