// System calls the Swift overlay of glibc does not declare (GNU extensions), wrapped for
// PolicyModel so it needs no @_silgen_name.
#ifndef TERMLENS_CSYSTEM_H
#define TERMLENS_CSYSTEM_H

#include <spawn.h>

/// Adds "close every descriptor from `from` up" to `actions` (glibc 2.34 and later:
/// posix_spawn_file_actions_addclosefrom_np). Returns 0, or an error number.
int termlens_spawn_addclosefrom(posix_spawn_file_actions_t *actions, int from);

/// How many CPUs this process may run on (its affinity mask: what a container or taskset
/// allows), or 0 when that cannot be told.
int termlens_allowed_cpus(void);

#endif
