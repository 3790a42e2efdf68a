# Fails when a file of the core library includes a header of the audit
# library: the core must build and be understood without the network.
file(GLOB_RECURSE core_files
  ${LIB}/model/* ${LIB}/ids/* ${LIB}/time/* ${LIB}/store/* ${LIB}/tracker/*
  ${LIB}/dataset/* ${LIB}/report/* ${LIB}/config/*)
set(bad "")
foreach(f IN LISTS core_files)
  file(STRINGS ${f} hits REGEX "#include \"audit/")
  if(hits)
    list(APPEND bad "${f}: ${hits}")
  endif()
endforeach()
if(bad)
  list(JOIN bad "\n" text)
  message(FATAL_ERROR "the core includes the audit:\n${text}")
endif()
message(STATUS "core includes no audit header")
