# Examples run as tests by the standalone build. Each one checks its own
# results and exits non-zero on a failure; its output must also match the
# expression. Keep in step with examples-to-run.py (in-tree test.py).
if(TARGET multilayer-dt-hello)
  mldt_add_checked_test(example/multilayer-dt-hello
                        "received 15/15 message types, 3 malformed dropped"
                        $<TARGET_FILE:multilayer-dt-hello> --malformed=3)
endif()
