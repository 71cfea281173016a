#! /usr/bin/env python3
# Examples run by ns-3's test.py in an in-tree build; the standalone build
# runs the same list from examples-to-run.cmake.
#
# A list of C++ examples to run in order to ensure that they remain
# buildable and runnable over time: (example_name, do_run, do_valgrind_run).
cpp_examples = [
    ("multilayer-dt-hello --malformed=3", "True", "True"),
    ("multilayer-dt-s1 --simTime=2 --outputDir=s1-test-output", "True", "False"),
    (
        "multilayer-dt-s1 --simTime=2 --access=lte --highMobility=true --outputDir=s1-hm-output",
        "True",
        "False",
    ),
    (
        "multilayer-dt-s1 --simTime=2 --access=wifi --highMobility=true --outputDir=s1-hmw-output",
        "True",
        "False",
    ),
    (
        "multilayer-dt-s1 --simTime=3 --architecture=multilayer --demandRate=8 "
        "--ns3::MultiLayerDtHelper::ChannelWidth=20 --ns3::MultiLayerDtHelper::UplinkRate=6Mbps "
        "--ns3::MultiLayerDtHelper::DownlinkRate=60Mbps --outputDir=s1-saturated-output",
        "True",
        "False",
    ),
    (
        "multilayer-dt-s1 --simTime=2 --access=wired --architecture=multilayer --terminals=30 "
        "--edges=3 --outputDir=s1-wired-output",
        "True",
        "False",
    ),
    (
        "multilayer-dt-s1 --simTime=3 --architecture=multilayer --access=lte --lossRate=0.1 "
        "--failEdgeAt=1.5 --recoverEdgeAt=7 --malformedInterval=0.05 --outputDir=s1-faults-output",
        "True",
        "False",
    ),
    ("multilayer-dt-open-service --terminals=4 --simTime=3", "True", "False"),
    ("multilayer-dt-own-policy --simTime=3", "True", "False"),
    (
        "multilayer-dt-custom-network --ues=4 --stations=2 --speed=40 --simTime=8 "
        "--outputDir=custom-network-test-output",
        "True",
        "False",
    ),
    (
        "multilayer-dt-custom-network --ues=4 --stations=2 --speed=40 --simTime=8 "
        "--lossRate=0.05 --failEdgeAt=4 --recoverEdgeAt=7 --failedEdge=3 "
        "--malformedInterval=0.05 --outputDir=custom-network-faults-output",
        "True",
        "False",
    ),
    (
        "multilayer-dt-s2 --users=6 --simTime=4 --speed=30 --outputDir=s2-test-output",
        "True",
        "False",
    ),
    (
        "multilayer-dt-s2 --users=6 --simTime=12 --speed=30 --access=wifi "
        "--migrationPolicy=proactive --outputDir=s2-wifi-test-output",
        "True",
        "False",
    ),
]

# A list of Python examples to run: (example_name, do_run).
python_examples = []
