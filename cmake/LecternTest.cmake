# lectern_test(NAME name SOURCES a.cpp... [LIBS ...] [LABELS unit golden gpu ...] [PREFIX p])
# One GoogleTest executable, each test registered with CTest under the given labels (and
# its name prefixed with p, for a second build of the same tests).
# Tests find fixtures through LECTERN_TEST_DATA (tests/data in the source tree).
include(GoogleTest)
set(LECTERN_TEST_DATA_DIR ${CMAKE_SOURCE_DIR}/tests/data)

function(lectern_test)
  cmake_parse_arguments(T "" "NAME;TIMEOUT;PREFIX" "SOURCES;LIBS;LABELS" ${ARGN})
  if(NOT T_LABELS)
    set(T_LABELS unit)
  endif()
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 600)
  endif()
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE ${T_LIBS} lectern_options GTest::gtest GTest::gtest_main)
  target_compile_definitions(${T_NAME} PRIVATE
    LECTERN_TEST_DATA="${LECTERN_TEST_DATA_DIR}"
    LECTERN_BINARY_DIR="${CMAKE_BINARY_DIR}")
  gtest_discover_tests(${T_NAME}
    DISCOVERY_MODE PRE_TEST
    TEST_PREFIX "${T_PREFIX}"
    PROPERTIES LABELS "${T_LABELS}" TIMEOUT ${T_TIMEOUT})
endfunction()
