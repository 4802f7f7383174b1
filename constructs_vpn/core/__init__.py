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
from .module import TerraformHclModule as TerraformHclModule
from .module import TerraformModule as TerraformModule
from .module import TerraformModuleProvider as TerraformModuleProvider
from .more_backends import AzurermBackend as AzurermBackend
from .more_backends import CloudBackend as CloudBackend
from .more_backends import CloudWorkspace as CloudWorkspace
from .more_backends import ConsulBackend as ConsulBackend
from .more_backends import CosBackend as CosBackend
from .more_backends import CosBackendAssumeRole as CosBackendAssumeRole
from .more_backends import DataTerraformRemoteStateAzurerm as DataTerraformRemoteStateAzurerm
from .more_backends import DataTerraformRemoteStateConsul as DataTerraformRemoteStateConsul
from .more_backends import DataTerraformRemoteStateCos as DataTerraformRemoteStateCos
from .more_backends import DataTerraformRemoteStateGcs as DataTerraformRemoteStateGcs
from .more_backends import DataTerraformRemoteStateHttp as DataTerraformRemoteStateHttp
from .more_backends import DataTerraformRemoteStatePg as DataTerraformRemoteStatePg
from .more_backends import DataTerraformRemoteStateS3 as DataTerraformRemoteStateS3
from .more_backends import DataTerraformRemoteStateSwift as DataTerraformRemoteStateSwift
from .more_backends import GcsBackend as GcsBackend
from .more_backends import HttpBackend as HttpBackend
from .more_backends import NamedCloudWorkspace as NamedCloudWorkspace
from .more_backends import NamedRemoteWorkspace as NamedRemoteWorkspace
from .more_backends import PgBackend as PgBackend
from .more_backends import PrefixedRemoteWorkspaces as PrefixedRemoteWorkspaces
from .more_backends import RemoteBackend as RemoteBackend
from .more_backends import S3Backend as S3Backend
from .more_backends import S3BackendAssumeRoleConfig as S3BackendAssumeRoleConfig
from .more_backends import S3BackendAssumeRoleWithWebIdentityConfig as S3BackendAssumeRoleWithWebIdentityConfig
from .more_backends import S3BackendEndpointConfig as S3BackendEndpointConfig
from .more_backends import SwiftBackend as SwiftBackend
from .more_backends import TaggedCloudWorkspaces as TaggedCloudWorkspaces
from .output import TerraformOutput as TerraformOutput
from .provider import TerraformProvider as TerraformProvider
from .provider import TerraformProviderGeneratorMetadata as TerraformProviderGeneratorMetadata
from .provisioner import FileProvisioner as FileProvisioner
from .provisioner import LocalExecProvisioner as LocalExecProvisioner
from .provisioner import RemoteExecProvisioner as RemoteExecProvisioner
from .provisioner import SSHProvisionerConnection as SSHProvisionerConnection
from .provisioner import WinrmProvisionerConnection as WinrmProvisionerConnection
from .resource import DynamicListTerraformIterator as DynamicListTerraformIterator
from .resource import ListTerraformIterator as ListTerraformIterator
from .resource import MapTerraformIterator as MapTerraformIterator
from .resource import Postcondition as Postcondition
from .resource import Precondition as Precondition
from .resource import ResourceTerraformIterator as ResourceTerraformIterator
from .resource import TerraformCondition as TerraformCondition
from .resource import TerraformCount as TerraformCount
from .resource import TerraformDataSource as TerraformDataSource
from .resource import TerraformIterator as TerraformIterator
from .resource import TerraformResource as TerraformResource
from .resource import TerraformResourceLifecycle as TerraformResourceLifecycle
from .stack import TerraformStack as TerraformStack
from .testing import Testing as Testing
from .tokens import Expression as Expression
from .tokens import IAnyProducer as IAnyProducer
from .tokens import IListProducer as IListProducer
from .tokens import INumberProducer as INumberProducer
from .tokens import IStringProducer as IStringProducer
from .tokens import Lazy as Lazy
from .tokens import TerraformSelf as TerraformSelf
from .tokens import Token as Token
from .variable import TerraformVariable as TerraformVariable
from .variable import TerraformVariableValidationConfig as TerraformVariableValidationConfig
from .variable import VariableType as VariableType
from .variable import VariableValidation as VariableValidation

__all__ = [
    "Annotation",
    "Annotations",
    "App",
    "Aspects",
    "AzurermBackend",
    "CloudBackend",
    "CloudWorkspace",
    "Construct",
    "ConstructsVpnError",
    "ConsulBackend",
    "CosBackend",
    "CosBackendAssumeRole",
    "DataTerraformRemoteState",
    "DataTerraformRemoteStateAzurerm",
    "DataTerraformRemoteStateConsul",
    "DataTerraformRemoteStateCos",
    "DataTerraformRemoteStateGcs",
    "DataTerraformRemoteStateHttp",
    "DataTerraformRemoteStateLocal",
    "DataTerraformRemoteStateOss",
    "DataTerraformRemoteStatePg",
    "DataTerraformRemoteStateS3",
    "DataTerraformRemoteStateSwift",
    "DynamicListTerraformIterator",
    "Expression",
    "FileProvisioner",
    "Fn",
    "GcsBackend",
    "HttpBackend",
    "IAnyProducer",
    "IAspect",
    "IListProducer",
    "INumberProducer",
    "IStringProducer",
    "IValidation",
    "Lazy",
    "ListTerraformIterator",
    "LocalBackend",
    "LocalExecProvisioner",
    "MapTerraformIterator",
    "NamedCloudWorkspace",
    "NamedRemoteWorkspace",
    "Node",
    "Op",
    "OssAssumeRole",
    "OssBackend",
    "PgBackend",
    "Postcondition",
    "Precondition",
    "PrefixedRemoteWorkspaces",
    "Problem",
    "RemoteBackend",
    "RemoteExecProvisioner",
    "ResourceTerraformIterator",
    "S3Backend",
    "S3BackendAssumeRoleConfig",
    "S3BackendAssumeRoleWithWebIdentityConfig",
    "S3BackendEndpointConfig",
    "SSHProvisionerConnection",
    "SwiftBackend",
    "SynthError",
    "SynthResult",
    "TaggedCloudWorkspaces",
    "TerraformBackend",
    "TerraformCondition",
    "TerraformCount",
    "TerraformDataSource",
    "TerraformElement",
    "TerraformHclModule",
    "TerraformIterator",
    "TerraformLocal",
    "TerraformModule",
    "TerraformModuleProvider",
    "TerraformOutput",
    "TerraformProvider",
    "TerraformProviderGeneratorMetadata",
    "TerraformResource",
    "TerraformResourceLifecycle",
    "TerraformSelf",
    "TerraformStack",
    "TerraformVariable",
    "TerraformVariableValidationConfig",
    "Testing",
    "Token",
    "ValidationError",
    "VariableType",
    "VariableValidation",
    "WinrmProvisionerConnection",
    "conditional",
]
