import Interstice
