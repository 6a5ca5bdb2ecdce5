"""Ships the top-level resources/ folder inside the wheel as shopdesk/resources.

pyproject.toml cannot map a folder outside the package tree while also finding packages,
so this is the one thing declared here; all other metadata lives in pyproject.toml.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["shopdesk", "shopdesk.*"]), "shopdesk.resources"],
    package_dir={"shopdesk.resources": "resources"},
    package_data={"shopdesk.resources": ["**/*"]},
    include_package_data=False,
)
