import Interstice
print("{}")
