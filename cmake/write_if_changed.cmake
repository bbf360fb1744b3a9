# write_if_changed.cmake: ladder_write_if_changed(PATH CONTENT) writes CONTENT to PATH only when
# it differs from what PATH holds, so that what includes a generated file is not rebuilt for
# nothing. Included by embed.cmake and embed_web.cmake.
function(ladder_write_if_changed path content)
  set(old "")
  if(EXISTS "${path}")
    file(READ "${path}" old)
  endif()
  if(NOT old STREQUAL "${content}")
    file(WRITE "${path}" "${content}")
  endif()
endfunction()
