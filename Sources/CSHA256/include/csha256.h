#ifndef CSHA256_H
#define CSHA256_H
#include <stddef.h>
#include <stdint.h>

/// Whether this CPU has the SHA extensions (x86-64 SHA-NI with SSSE3 and SSE4.1).
int csha256_hardware_available(void);

/// Runs the SHA-256 compression function over `blocks` 64-byte blocks at `data`, updating
/// `state` (the eight working words a..h) in place. Only call when
/// `csha256_hardware_available()` returned non-zero.
void csha256_hardware_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
