# Runs PROG with each bad command-line value and requires a clean refusal:
# exit status 2 (not a crash or abort) and an error message naming the value.
#   cmake -DPROG=<program> [-DCASES=<a,b,...>] -P bad-input.cmake
# Without CASES, the S1 example's cases.
set(cases
    "--terminals=-3"
    "--terminals=0"
    "--edges=0"
    "--edges=300"
    "--simTime=0"
    "--simTime=-5"
    "--demandRate=-1"
    "--architecture=ring"
    "--edgeCapacity=0"
    "--cloudCapacity=-500"
    "--anomalyRate=-1"
    "--workloadScale=0"
    "--access=5g"
    "--terminals=abc"
    "--outputDir=/proc/no-such-dir/out"
    "--replayTraffic=/proc/no-such-file"
    "--recordTraffic=/proc/no-such-dir/traffic.txt"
    "--lossRate=1.5"
    "--lossRate=-0.1"
    "--failEdgeAt=-1"
    "--recoverEdgeAt=3"
    "--failedEdge=2"
    "--malformedInterval=-1"
    "--malformedPort=70000"
    "--ns3::LocalDtServiceModule::DemandRate=-1"
    "--ns3::LocalDtServiceModule::DemandRate=abc"
    "--ns3::LocalDtServiceModule::GiveUpTime=soon"
    "--ns3::LocalDtServiceModule::NoSuchAttribute=1"
    "--ns3::NoSuchType::Attribute=1"
    "--ns3::DtCommModule::Port=12x"
    "--ns3::MultiLayerDtHelper::Access=5g"
    "--placement=fastest"
    "--RngRun=abc")
if(DEFINED CASES)
  string(REPLACE "," ";" cases "${CASES}")
endif()
set(n 0)
foreach(arg ${cases})
  execute_process(COMMAND ${PROG} ${arg} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc STREQUAL "2")
    message(FATAL_ERROR "${arg}: expected exit status 2, got '${rc}'\n${out}${err}")
  endif()
  string(REGEX REPLACE "=.*" "" name "${arg}")
  if(NOT err MATCHES "error: ${name}=" OR err MATCHES "Invalid command-line argument")
    message(FATAL_ERROR "${arg}: the error does not name the value:\n${err}")
  endif()
  math(EXPR n "${n} + 1")
endforeach()
message("bad input rejected: ${n} cases")
