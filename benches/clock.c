// Measures the core clock: a chain of dependent 1-cycle integer adds, 8 per loop iteration.
#include <stdio.h>
#include <time.h>
int main(void) {
    long n = 400000000, x = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (long i = 0; i < n; i++) {
        __asm__ volatile("add $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\t"
                         "add $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\tadd $1, %0" : "+r"(x));
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double s = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) * 1e-9;
    printf("%.3f GHz (%ld adds in %.3f s)\n", 8.0 * n / s / 1e9, 8 * n, s);
    return 0;
}
