import LifecycleKit
print("clc")
