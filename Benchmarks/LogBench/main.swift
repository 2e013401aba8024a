import VaporTesting; print("x")
