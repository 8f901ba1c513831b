# Compiler flags shared by every Lectern target: warnings, CPU tuning, sanitizers.
add_library(lectern_options INTERFACE)
target_compile_options(lectern_options INTERFACE
  $<$<COMPILE_LANGUAGE:CXX>:-Wall -Wextra -Wshadow=local -Wno-unused-parameter>)
if(LECTERN_WERROR)
  target_compile_options(lectern_options INTERFACE $<$<COMPILE_LANGUAGE:CXX>:-Werror>)
endif()
if(LECTERN_NATIVE)
  target_compile_options(lectern_options INTERFACE $<$<COMPILE_LANGUAGE:CXX>:-march=native>)
else()
  # A portable x86-64 baseline that still has AVX2/FMA/F16C (every CPU Lectern targets).
  target_compile_options(lectern_options INTERFACE $<$<COMPILE_LANGUAGE:CXX>:-mavx2 -mfma -mf16c>)
endif()
if(LECTERN_SANITIZE)
  target_compile_options(lectern_options INTERFACE
    $<$<COMPILE_LANGUAGE:CXX>:-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined>)
  target_link_options(lectern_options INTERFACE -fsanitize=address,undefined)
endif()
