/* story_build.h: for scripting hosts only: building a Story while its files load. Front ends
 * and tools never include this; the checks that run once it is built are in story_check.h. */
#ifndef LADDER_STORY_BUILD_H
#define LADDER_STORY_BUILD_H

#include "core/story.h"

/* A new scene, zeroed, at the end of s->scenes. The pointer stays valid until the next call
 * (the array may move). */
Scene *story_add_scene(Story *s);
/* Build the lookup table over scene ids (story_find_scene); call once every scene is added. */
void story_index_scenes(Story *s);

#endif
