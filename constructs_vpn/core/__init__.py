"""A jsii-free CDK for Terraform engine: constructs, stacks, tokens and cdktf-compatible synthesis.

It knows nothing of Alibaba Cloud; ``constructs_vpn.alicloud`` and ``constructs_vpn.vpn`` build on it.
"""

from .annotations import Annotation as Annotation
from .annotations import Annotations as Annotations
from .app import App as App
from .app import SynthResult as SynthResult
from .aspects import Aspects as Aspects
from .aspects import IAspect as IAspect
from .backends import DataTerraformRemoteState as DataTerraformRemoteState
from .backends import DataTerraformRemoteStateLocal as DataTerraformRemoteStateLocal
from .backends import DataTerraformRemoteStateOss as DataTerraformRemoteStateOss
from .backends import LocalBackend as LocalBackend
from .backends import OssAssumeRole as OssAssumeRole
from .backends import OssBackend as OssBackend
from .backends import TerraformBackend as TerraformBackend
from .construct import Construct as Construct
from .construct import IValidation as IValidation
from .construct import Node as Node
from .element import TerraformElement as TerraformElement
from .errors import ConstructsVpnError as ConstructsVpnError
from .errors import Problem as Problem
from .errors import SynthError as SynthError
from .errors import ValidationError as ValidationError
from .fn import Fn as Fn
from .fn import Op as Op
from .fn import conditional as conditional
from .local import TerraformLocal as TerraformLocal
from .output import TerraformOutput as TerraformOutput
from .provider import TerraformProvider as TerraformProvider
from .provider import TerraformProviderGeneratorMetadata as TerraformProviderGeneratorMetadata
from .resource import Postcondition as Postcondition
from .resource import Precondition as Precondition
from .resource import TerraformCondition as TerraformCondition
from .resource import TerraformCount as TerraformCount
from .resource import TerraformDataSource as TerraformDataSource
from .resource import TerraformIterator as TerraformIterator
from .resource import TerraformResource as TerraformResource
from .resource import TerraformResourceLifecycle as TerraformResourceLifecycle
from .stack import TerraformStack as TerraformStack
from .testing import Testing as Testing
from .tokens import Expression as Expression
from .tokens import Lazy as Lazy
from .tokens import Token as Token
from .variable import TerraformVariable as TerraformVariable
from .variable import VariableValidation as VariableValidation

__all__ = [
    "Annotation",
    "Annotations",
    "App",
    "Aspects",
    "Construct",
    "ConstructsVpnError",
    "DataTerraformRemoteState",
    "DataTerraformRemoteStateLocal",
    "DataTerraformRemoteStateOss",
    "Expression",
    "Fn",
    "IAspect",
    "IValidation",
    "Lazy",
    "LocalBackend",
    "Node",
    "Op",
    "OssAssumeRole",
    "OssBackend",
    "Postcondition",
    "Precondition",
    "Problem",
    "SynthError",
    "SynthResult",
    "TerraformBackend",
    "TerraformCondition",
    "TerraformCount",
    "TerraformDataSource",
    "TerraformElement",
    "TerraformIterator",
    "TerraformLocal",
    "TerraformOutput",
    "TerraformProvider",
    "TerraformProviderGeneratorMetadata",
    "TerraformResource",
    "TerraformResourceLifecycle",
    "TerraformStack",
    "TerraformVariable",
    "Testing",
    "Token",
    "ValidationError",
    "VariableValidation",
    "conditional",
]
