# e2e frames / e2e show end to end: datasets in the three layouts from a small hand-made event file (written by
# unit_frames), read back by e2e info-style description and by the Python training reader, pictures drawn.
if(TARGET unit_frames)
  add_test(NAME frames_event_file
           COMMAND unit_frames --gtest_filter=EventSampler.WritesAnEventFileForTheCommandLine)
  set_tests_properties(frames_event_file PROPERTIES FIXTURES_SETUP frames_events LABELS integration)
  add_test(NAME frames_cli
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/frames_cli.sh ${PROJECT_BINARY_DIR}/bin/e2e
                   ${PROJECT_BINARY_DIR}/frames_test_events.h5 ${PROJECT_SOURCE_DIR})
  set_tests_properties(frames_cli PROPERTIES FIXTURES_REQUIRED frames_events LABELS integration TIMEOUT 300)
endif()

# The documented command that remakes the docs gallery keeps working (pictures go to the build tree).
add_test(NAME frames_gallery
         COMMAND sh ${PROJECT_SOURCE_DIR}/docs/img/make_gallery.sh ${PROJECT_BINARY_DIR}/bin/e2e
                 ${PROJECT_BINARY_DIR}/gallery_work ${PROJECT_BINARY_DIR}/gallery_img)
set_tests_properties(frames_gallery PROPERTIES LABELS integration TIMEOUT 300)
