// ReadStat (https://github.com/WizardMac/ReadStat, MIT), the library pandas' pyreadstat and R's haven use for SPSS
// and Stata files; Debian and Ubuntu package it as libreadstat-dev (there is no pkg-config file).
#if __has_include(<readstat.h>)
#include <readstat.h>
#else
#error "ReadStat is missing: install libreadstat-dev (`make deps` does: apt-get install libreadstat-dev)"
#endif
