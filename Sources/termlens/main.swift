print("termlens")
