# newsloom_stage(NAME DEPS <targets...>)
# One library per stage folder: every .cc in the folder except *_test.cc. Its tests (*_test.cc) build
# into one binary, newsloom_<NAME>_test, registered with ctest.
include(GNUInstallDirs)

function(newsloom_stage name)
  cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*.cc")
  file(GLOB tests CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*_test.cc")
  if(tests)
    list(REMOVE_ITEM sources ${tests})
  endif()
  # Installed, a stage offers only the public headers (include/newsloom/).
  set(include_dirs $<BUILD_INTERFACE:${CMAKE_SOURCE_DIR}/include> $<BUILD_INTERFACE:${CMAKE_SOURCE_DIR}/src>
                   $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  if(sources)
    add_library(newsloom_${name} STATIC ${sources})
    target_include_directories(newsloom_${name} PUBLIC ${include_dirs})
    target_compile_options(newsloom_${name} PRIVATE -Wall -Wextra)
    target_link_libraries(newsloom_${name} PUBLIC ${ARG_DEPS})
  else()  # a stage with headers only, so far
    add_library(newsloom_${name} INTERFACE)
    target_include_directories(newsloom_${name} INTERFACE ${include_dirs})
    target_link_libraries(newsloom_${name} INTERFACE ${ARG_DEPS})
  endif()
  if(NEWSLOOM_BUILD_TESTS AND tests)
    add_executable(newsloom_${name}_test ${tests})
    target_link_libraries(newsloom_${name}_test PRIVATE newsloom_${name} GTest::gtest_main GTest::gmock)
    target_compile_definitions(newsloom_${name}_test PRIVATE
      NEWSLOOM_SHARED_DIR="${NEWSLOOM_SHARED_DIR}" NEWSLOOM_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
    gtest_discover_tests(newsloom_${name}_test DISCOVERY_TIMEOUT 60)
  endif()
endfunction()
