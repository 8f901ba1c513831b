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
  target_include_directories(${T_NAME} PRIVATE ${CMAKE_SOURCE_DIR}/tests/support)
  target_compile_definitions(${T_NAME} PRIVATE
    LECTERN_TEST_DATA="${LECTERN_TEST_DATA_DIR}"
    LECTERN_BINARY_DIR="${CMAKE_BINARY_DIR}")
  # Listing a test loads its libraries (cuBLAS is hundreds of MiB): a cold disk on a busy
  # machine can take longer than CMake's 5 s default.
  gtest_discover_tests(${T_NAME}
    DISCOVERY_MODE PRE_TEST
    DISCOVERY_TIMEOUT 120
    TEST_PREFIX "${T_PREFIX}"
    PROPERTIES LABELS "${T_LABELS}" TIMEOUT ${T_TIMEOUT})
endfunction()

# lectern_cli_test(NAME name EXIT code OUTPUT regex COMMAND program args... [LABELS ...]
#                  [TIMEOUT s])
# Runs a command-line program (a target name is replaced by its file) through
# tests/cli/expect: the test passes only when the program exits with `code` (see the exit
# codes in the README) and its output, stdout and stderr together, matches `regex` (POSIX
# extended; "\n" in CMake is a newline; no ';', which CMake reads as a list separator).
function(lectern_cli_test)
  cmake_parse_arguments(T "" "NAME;EXIT;OUTPUT;TIMEOUT" "COMMAND;LABELS" ${ARGN})
  if(NOT DEFINED T_EXIT OR NOT DEFINED T_OUTPUT OR NOT T_COMMAND)
    message(FATAL_ERROR "lectern_cli_test(${T_NAME}): EXIT, OUTPUT and COMMAND are required")
  endif()
  if(NOT T_LABELS)
    set(T_LABELS unit)
  endif()
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 60)
  endif()
  list(POP_FRONT T_COMMAND program)
  if(TARGET ${program})
    set(program $<TARGET_FILE:${program}>)
  endif()
  add_test(NAME ${T_NAME}
    COMMAND ${PROJECT_SOURCE_DIR}/tests/cli/expect ${T_EXIT} "${T_OUTPUT}" ${program} ${T_COMMAND})
  set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_LABELS}" TIMEOUT ${T_TIMEOUT})
endfunction()
