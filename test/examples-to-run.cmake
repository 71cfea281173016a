# Examples run as tests by the standalone build. Each one checks its own
# results and exits non-zero on a failure; its output must also match the
# expression. Keep in step with examples-to-run.py (in-tree test.py).
if(TARGET multilayer-dt-hello)
  mldt_add_checked_test(example/multilayer-dt-hello
                        "received 17/17 message types, 3 malformed dropped"
                        $<TARGET_FILE:multilayer-dt-hello> --malformed=3)
endif()

if(TARGET multilayer-dt-s1)
  mldt_add_checked_test(example/multilayer-dt-s1
                        "completed in deadline.*signaling KB/demand, cloud"
                        $<TARGET_FILE:multilayer-dt-s1> --simTime=2
                        --outputDir=${CMAKE_CURRENT_BINARY_DIR}/s1-test-output)
  mldt_add_checked_test(example/multilayer-dt-s1-high-mobility
                        "handovers / migrations \\(mean ms\\) +[1-9][0-9]* / 0 +[1-9][0-9]* / [1-9]"
                        $<TARGET_FILE:multilayer-dt-s1> --simTime=2 --access=lte --highMobility=true
                        --outputDir=${CMAKE_CURRENT_BINARY_DIR}/s1-hm-test-output)
  mldt_add_checked_test(example/multilayer-dt-s1-high-mobility-wifi
                        "handovers / migrations \\(mean ms\\) +[1-9][0-9]* / 0 +[1-9][0-9]* / [1-9]"
                        $<TARGET_FILE:multilayer-dt-s1> --simTime=2 --access=wifi --highMobility=true
                        --outputDir=${CMAKE_CURRENT_BINARY_DIR}/s1-hmw-test-output)
  # A cell offered more uplink than its PHY rate: the run says so.
  mldt_add_checked_test(example/multilayer-dt-s1-saturated
                        "warning: the DTs offered cell [0-9]+ [0-9.]+ Mb/s of uplink, more than the 6.5 Mb/s"
                        $<TARGET_FILE:multilayer-dt-s1> --simTime=3 --architecture=multilayer
                        --demandRate=8 --ns3::MultiLayerDtHelper::ChannelWidth=20
                        --ns3::MultiLayerDtHelper::UplinkRate=6Mbps
                        --ns3::MultiLayerDtHelper::DownlinkRate=60Mbps
                        --outputDir=${CMAKE_CURRENT_BINARY_DIR}/s1-saturated-test-output)
  mldt_add_checked_test(example/multilayer-dt-s1-wired
                        "failed +0 .*handovers / migrations \\(mean ms\\) +0 / 0"
                        $<TARGET_FILE:multilayer-dt-s1> --simTime=2 --access=wired
                        --architecture=multilayer --terminals=30 --edges=3
                        --outputDir=${CMAKE_CURRENT_BINARY_DIR}/s1-wired-test-output)
  mldt_add_checked_test(example/multilayer-dt-s1-faults
                        "failed +[0-9]+ .*retried after their DT was lost +[1-9].*packets lost / dropped by failures +[1-9][0-9]* / [1-9].*edge failures / failovers +1 / [1-9].*malformed packets dropped +[1-9]"
                        $<TARGET_FILE:multilayer-dt-s1> --simTime=3 --architecture=multilayer
                        --access=lte --lossRate=0.1 --failEdgeAt=1.5 --recoverEdgeAt=7
                        --malformedInterval=0.05
                        --outputDir=${CMAKE_CURRENT_BINARY_DIR}/s1-faults-test-output)
  mldt_add_checked_test(example/multilayer-dt-s1-bad-input "bad input rejected: 33 cases"
                        ${CMAKE_COMMAND} -DPROG=$<TARGET_FILE:multilayer-dt-s1>
                        -P ${CMAKE_CURRENT_SOURCE_DIR}/bad-input.cmake)
endif()

if(TARGET multilayer-dt-open-service)
  mldt_add_checked_test(example/multilayer-dt-open-service
                        "traffic-forecast invoked [1-9][0-9]* times"
                        $<TARGET_FILE:multilayer-dt-open-service> --terminals=4 --simTime=3)
endif()

if(TARGET multilayer-dt-s2)
  mldt_add_checked_test(example/multilayer-dt-s2
                        "migrations completed/failed.*sync failure ratio.*mean age of information"
                        $<TARGET_FILE:multilayer-dt-s2> --users=6 --simTime=4 --speed=30
                        --outputDir=${CMAKE_CURRENT_BINARY_DIR}/s2-test-output)
  mldt_add_checked_test(example/multilayer-dt-s2-wifi-proactive
                        "migration proactive.*handovers detected +[1-9].*migrations completed/failed +[1-9]"
                        $<TARGET_FILE:multilayer-dt-s2> --users=6 --simTime=12 --speed=30
                        --access=wifi --migrationPolicy=proactive
                        --outputDir=${CMAKE_CURRENT_BINARY_DIR}/s2-wifi-test-output)
  mldt_add_checked_test(example/multilayer-dt-s2-bad-input "bad input rejected: 30 cases"
                        ${CMAKE_COMMAND} -DPROG=$<TARGET_FILE:multilayer-dt-s2>
                        "-DCASES=--ns3::MultiLayerDtHelper::LossRate=-0.5,--RngRun=x,--users=0,--users=abc,--simTime=0,--speed=-1,--syncProbability=1.5,--syncDeadline=0,--demandRate=-1,--demandRate=0.5,--traffic=bulk,--syncGflop=-1,--dtStateBytes=-1,--dtStateBytes=1.5,--backhaul=mesh,--metroHopKm=-1,--metroRate=fast,--metroLoad=1,--migrationPolicy=sideways,--access=5g,--backhaulKm=-1,--nakagamiM=0.2,--fading=sideways,--ricianK=-1,--twinPlacement=fog,--agentInteraction=-5,--placement=nearest,--outputDir=/proc/no-such-dir/out,--replayTraffic=/proc/no-such-file,--recordTraffic=/proc/no-such-dir/traffic.txt"
                        -P ${CMAKE_CURRENT_SOURCE_DIR}/bad-input.cmake)
endif()

if(TARGET multilayer-dt-own-policy)
  mldt_add_checked_test(example/multilayer-dt-own-policy
                        "user's policy in effect: [0-9]+ demands ran locally against [1-9][0-9]*.*user's migration policy in effect: [1-9][0-9]* migrations, all to edge DT 101"
                        $<TARGET_FILE:multilayer-dt-own-policy> --simTime=3)
endif()

if(TARGET multilayer-dt-custom-network)
  mldt_add_checked_test(example/multilayer-dt-custom-network
                        "failed +0[^0-9].*handovers detected +[1-9][0-9]*[^0-9].*migrations completed +[1-9][0-9]* of"
                        $<TARGET_FILE:multilayer-dt-custom-network> --ues=4 --stations=2 --speed=40
                        --simTime=8 --outputDir=${CMAKE_CURRENT_BINARY_DIR}/custom-network-test-output)
  mldt_add_checked_test(example/multilayer-dt-custom-network-faults
                        "packets lost / dropped down +[1-9][0-9]* / [1-9][0-9]*[^0-9].*edge failures / failovers +1 / [0-9]+[^0-9].*malformed packets dropped +[1-9]"
                        $<TARGET_FILE:multilayer-dt-custom-network> --ues=4 --stations=2 --speed=40
                        --simTime=8 --lossRate=0.05 --failEdgeAt=4 --recoverEdgeAt=7
                        --failedEdge=3 --malformedInterval=0.05
                        --outputDir=${CMAKE_CURRENT_BINARY_DIR}/custom-network-faults-output)
endif()
