story { id = "binary_chunk", title = "Binary", summary = "Loads bytecode.", start = "a" }
local f = assert(load("\27Lua\84\0\25\147\13\10\26\10"))
