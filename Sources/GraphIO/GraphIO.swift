import GraphCore
