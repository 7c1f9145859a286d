// Times Pythia 8 on one u-ubar string at E_CM = 100 GeV, pions only, decays off
// (the settings of /work/shared/reference/pythia/README.md). Our own driver: it only uses
// Pythia's public interface. Usage: string_timing EVENTS [SEED [XMLDIR]]
// Prints one JSON line: {"events":N,"cpu_us_per_event":T,"mean_multiplicity":M}.
// CPU time is the process CPU clock around the event loop (event.reset + two appends +
// pythia.next(), i.e. Pythia's bookkeeping included); init is excluded.
#include "Pythia8/Pythia.h"
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <cmath>

using namespace Pythia8;

static double cpuSeconds() {
  timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec + 1e-9 * t.tv_nsec;
}

int main(int argc, char* argv[]) {
  long events = argc > 1 ? std::atol(argv[1]) : 100000;
  int seed = argc > 2 ? std::atoi(argv[2]) : 12345;
  const char* xmlDir = argc > 3 ? argv[3] : "../share/Pythia8/xmldoc";
  Pythia pythia(xmlDir, false);
  const char* lines[] = {
    "StringZ:aLund = 0.68", "StringZ:bLund = 0.98", "StringPT:sigma = 0.335",
    "ProcessLevel:all = off", "HadronLevel:Decay = off",
    "StringFlav:probQQtoQ = 0", "StringFlav:probStoUD = 0", "StringFlav:mesonUDvector = 0",
    "StringFlav:etaSup = 0", "StringFlav:etaPrimeSup = 0", "StringPT:enhancedFraction = 0",
    "Next:numberCount = 0", "Next:numberShowEvent = 0", "Next:numberShowInfo = 0",
    "Next:numberShowProcess = 0", "Init:showChangedSettings = off", "Init:showProcesses = off",
    "Init:showChangedParticleData = off", "Print:quiet = on", "Random:setSeed = on"};
  for (const char* l : lines) pythia.readString(l);
  pythia.readString("Random:seed = " + std::to_string(seed));
  if (!pythia.init()) { std::fprintf(stderr, "pythia init failed\n"); return 1; }
  Event& event = pythia.event;
  const double e = 50.0;
  const double m = pythia.particleData.m0(2);
  const double pz = std::sqrt(e * e - m * m);
  long hadrons = 0;
  long failures = 0;
  double t0 = cpuSeconds();
  for (long i = 0; i < events; ++i) {
    event.reset();
    event.append(2, 23, 101, 0, 0., 0., pz, e, m);
    event.append(-2, 23, 0, 101, 0., 0., -pz, e, m);
    if (!pythia.next()) { ++failures; continue; }
    for (int k = 0; k < event.size(); ++k) if (event[k].isFinal()) ++hadrons;
  }
  double t1 = cpuSeconds();
  std::printf("{\"events\":%ld,\"cpu_us_per_event\":%.4f,\"mean_multiplicity\":%.4f,\"failures\":%ld}\n",
              events, 1e6 * (t1 - t0) / events, (double) hadrons / (events - failures), failures);
  return 0;
}
