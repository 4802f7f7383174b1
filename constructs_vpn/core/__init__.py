"""A jsii-free CDK for Terraform engine: constructs, stacks, tokens and cdktf-compatible synthesis.

It knows nothing of Alibaba Cloud; ``constructs_vpn.alicloud`` and ``constructs_vpn.vpn`` build on it. What an
app builds with (``App``, stacks, resources, providers, outputs, variables, tokens) is imported here; the rest
(the other backends, provisioners, assets, modules, locals, the cdktf structs and compatibility names,
``Testing``) loads on first use (PEP 562): their modules' dataclasses and imports were 40% of this import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .annotations import Annotation as Annotation
from .annotations import Annotations as Annotations
from .app import App as App
from .app import SynthResult as SynthResult
from .aspects import Aspects as Aspects
from .aspects import IAspect as IAspect
from .backends import DataTerraformRemoteState as DataTerraformRemoteState
from .backends import DataTerraformRemoteStateLocal as DataTerraformRemoteStateLocal
from .backends import LocalBackend as LocalBackend
from .backends import TerraformBackend as TerraformBackend
from .backends import TerraformRemoteState as TerraformRemoteState
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
from .lazy import lazy_names
from .output import TerraformOutput as TerraformOutput
from .provider import TerraformProvider as TerraformProvider
from .provider import TerraformProviderGeneratorMetadata as TerraformProviderGeneratorMetadata
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

if TYPE_CHECKING:
    from .asset import TerraformAsset as TerraformAsset
    from .compat import DataResource as DataResource
    from .compat import DefaultTokenResolver as DefaultTokenResolver
    from .compat import FnGenerated as FnGenerated
    from .compat import LazyBase as LazyBase
    from .compat import Manifest as Manifest
    from .compat import MigrateIds as MigrateIds
    from .compat import Resource as Resource
    from .compat import StringConcat as StringConcat
    from .compat import TerraformResourceTargets as TerraformResourceTargets
    from .compat import Tokenization as Tokenization
    from .compat import TokenizedStringFragments as TokenizedStringFragments
    from .complex_computed import AnyListList as AnyListList
    from .complex_computed import AnyListMap as AnyListMap
    from .complex_computed import AnyMap as AnyMap
    from .complex_computed import AnyMapList as AnyMapList
    from .complex_computed import BooleanList as BooleanList
    from .complex_computed import BooleanListList as BooleanListList
    from .complex_computed import BooleanListMap as BooleanListMap
    from .complex_computed import BooleanMap as BooleanMap
    from .complex_computed import BooleanMapList as BooleanMapList
    from .complex_computed import ComplexList as ComplexList
    from .complex_computed import ComplexMap as ComplexMap
    from .complex_computed import ComplexObject as ComplexObject
    from .complex_computed import MapList as MapList
    from .complex_computed import NumberListList as NumberListList
    from .complex_computed import NumberListMap as NumberListMap
    from .complex_computed import NumberMap as NumberMap
    from .complex_computed import NumberMapList as NumberMapList
    from .complex_computed import StringListList as StringListList
    from .complex_computed import StringListMap as StringListMap
    from .complex_computed import StringMap as StringMap
    from .complex_computed import StringMapList as StringMapList
    from .importable import IImportableConfig as IImportableConfig
    from .importable import ImportableResource as ImportableResource
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
    from .more_backends import DataTerraformRemoteStateOss as DataTerraformRemoteStateOss
    from .more_backends import DataTerraformRemoteStatePg as DataTerraformRemoteStatePg
    from .more_backends import DataTerraformRemoteStateS3 as DataTerraformRemoteStateS3
    from .more_backends import DataTerraformRemoteStateSwift as DataTerraformRemoteStateSwift
    from .more_backends import GcsBackend as GcsBackend
    from .more_backends import HttpBackend as HttpBackend
    from .more_backends import NamedCloudWorkspace as NamedCloudWorkspace
    from .more_backends import NamedRemoteWorkspace as NamedRemoteWorkspace
    from .more_backends import OssAssumeRole as OssAssumeRole
    from .more_backends import OssBackend as OssBackend
    from .more_backends import PgBackend as PgBackend
    from .more_backends import PrefixedRemoteWorkspaces as PrefixedRemoteWorkspaces
    from .more_backends import RemoteBackend as RemoteBackend
    from .more_backends import S3Backend as S3Backend
    from .more_backends import S3BackendAssumeRoleConfig as S3BackendAssumeRoleConfig
    from .more_backends import S3BackendAssumeRoleWithWebIdentityConfig as S3BackendAssumeRoleWithWebIdentityConfig
    from .more_backends import S3BackendEndpointConfig as S3BackendEndpointConfig
    from .more_backends import SwiftBackend as SwiftBackend
    from .more_backends import TaggedCloudWorkspaces as TaggedCloudWorkspaces
    from .provisioner import FileProvisioner as FileProvisioner
    from .provisioner import LocalExecProvisioner as LocalExecProvisioner
    from .provisioner import RemoteExecProvisioner as RemoteExecProvisioner
    from .provisioner import SSHProvisionerConnection as SSHProvisionerConnection
    from .provisioner import WinrmProvisionerConnection as WinrmProvisionerConnection
    from .structs import AnnotationMetadataEntryType as AnnotationMetadataEntryType
    from .structs import AppConfig as AppConfig
    from .structs import AssetType as AssetType
    from .structs import AzurermBackendConfig as AzurermBackendConfig
    from .structs import CloudBackendConfig as CloudBackendConfig
    from .structs import ConsulBackendConfig as ConsulBackendConfig
    from .structs import CosBackendConfig as CosBackendConfig
    from .structs import DataConfig as DataConfig
    from .structs import DataTerraformRemoteStateAzurermConfig as DataTerraformRemoteStateAzurermConfig
    from .structs import DataTerraformRemoteStateConfig as DataTerraformRemoteStateConfig
    from .structs import DataTerraformRemoteStateConsulConfig as DataTerraformRemoteStateConsulConfig
    from .structs import DataTerraformRemoteStateCosConfig as DataTerraformRemoteStateCosConfig
    from .structs import DataTerraformRemoteStateGcsConfig as DataTerraformRemoteStateGcsConfig
    from .structs import DataTerraformRemoteStateHttpConfig as DataTerraformRemoteStateHttpConfig
    from .structs import DataTerraformRemoteStateLocalConfig as DataTerraformRemoteStateLocalConfig
    from .structs import DataTerraformRemoteStateOssConfig as DataTerraformRemoteStateOssConfig
    from .structs import DataTerraformRemoteStatePgConfig as DataTerraformRemoteStatePgConfig
    from .structs import DataTerraformRemoteStateRemoteConfig as DataTerraformRemoteStateRemoteConfig
    from .structs import DataTerraformRemoteStateS3Config as DataTerraformRemoteStateS3Config
    from .structs import DataTerraformRemoteStateSwiftConfig as DataTerraformRemoteStateSwiftConfig
    from .structs import EncodingOptions as EncodingOptions
    from .structs import GcsBackendConfig as GcsBackendConfig
    from .structs import HttpBackendConfig as HttpBackendConfig
    from .structs import IFragmentConcatenator as IFragmentConcatenator
    from .structs import IInterpolatingParent as IInterpolatingParent
    from .structs import IManifest as IManifest
    from .structs import IPostProcessor as IPostProcessor
    from .structs import IRemoteWorkspace as IRemoteWorkspace
    from .structs import IResolvable as IResolvable
    from .structs import IResolveContext as IResolveContext
    from .structs import IResource as IResource
    from .structs import IResourceConstructor as IResourceConstructor
    from .structs import IScopeCallback as IScopeCallback
    from .structs import IStackSynthesizer as IStackSynthesizer
    from .structs import ISynthesisSession as ISynthesisSession
    from .structs import ITerraformAddressable as ITerraformAddressable
    from .structs import ITerraformDependable as ITerraformDependable
    from .structs import ITerraformIterator as ITerraformIterator
    from .structs import ITerraformResource as ITerraformResource
    from .structs import ITokenMapper as ITokenMapper
    from .structs import ITokenResolver as ITokenResolver
    from .structs import LazyAnyValueOptions as LazyAnyValueOptions
    from .structs import LazyListValueOptions as LazyListValueOptions
    from .structs import LazyStringValueOptions as LazyStringValueOptions
    from .structs import LocalBackendConfig as LocalBackendConfig
    from .structs import OssBackendConfig as OssBackendConfig
    from .structs import PgBackendConfig as PgBackendConfig
    from .structs import RemoteBackendConfig as RemoteBackendConfig
    from .structs import ResolveOptions as ResolveOptions
    from .structs import S3BackendConfig as S3BackendConfig
    from .structs import StackAnnotation as StackAnnotation
    from .structs import StackManifest as StackManifest
    from .structs import SwiftBackendConfig as SwiftBackendConfig
    from .structs import TerraformAssetConfig as TerraformAssetConfig
    from .structs import TerraformElementMetadata as TerraformElementMetadata
    from .structs import TerraformHclModuleConfig as TerraformHclModuleConfig
    from .structs import TerraformMetaArguments as TerraformMetaArguments
    from .structs import TerraformModuleConfig as TerraformModuleConfig
    from .structs import TerraformModuleUserConfig as TerraformModuleUserConfig
    from .structs import TerraformOutputConfig as TerraformOutputConfig
    from .structs import TerraformProviderConfig as TerraformProviderConfig
    from .structs import TerraformResourceConfig as TerraformResourceConfig
    from .structs import TerraformResourceImport as TerraformResourceImport
    from .structs import TerraformResourceMoveById as TerraformResourceMoveById
    from .structs import TerraformResourceMoveByTarget as TerraformResourceMoveByTarget
    from .structs import TerraformStackMetadata as TerraformStackMetadata
    from .structs import TerraformVariableConfig as TerraformVariableConfig
    from .structs import TestingAppConfig as TestingAppConfig
    from .testing import Testing as Testing

#: The module of each name that loads on first use.
_LAZY: dict[str, str] = {
    "AnnotationMetadataEntryType": ".structs",
    "AnyListList": ".complex_computed",
    "AnyListMap": ".complex_computed",
    "AnyMap": ".complex_computed",
    "AnyMapList": ".complex_computed",
    "AppConfig": ".structs",
    "AssetType": ".structs",
    "AzurermBackend": ".more_backends",
    "AzurermBackendConfig": ".structs",
    "BooleanList": ".complex_computed",
    "BooleanListList": ".complex_computed",
    "BooleanListMap": ".complex_computed",
    "BooleanMap": ".complex_computed",
    "BooleanMapList": ".complex_computed",
    "CloudBackend": ".more_backends",
    "CloudBackendConfig": ".structs",
    "CloudWorkspace": ".more_backends",
    "ComplexList": ".complex_computed",
    "ComplexMap": ".complex_computed",
    "ComplexObject": ".complex_computed",
    "ConsulBackend": ".more_backends",
    "ConsulBackendConfig": ".structs",
    "CosBackend": ".more_backends",
    "CosBackendAssumeRole": ".more_backends",
    "CosBackendConfig": ".structs",
    "DataConfig": ".structs",
    "DataResource": ".compat",
    "DataTerraformRemoteStateAzurerm": ".more_backends",
    "DataTerraformRemoteStateAzurermConfig": ".structs",
    "DataTerraformRemoteStateConfig": ".structs",
    "DataTerraformRemoteStateConsul": ".more_backends",
    "DataTerraformRemoteStateConsulConfig": ".structs",
    "DataTerraformRemoteStateCos": ".more_backends",
    "DataTerraformRemoteStateCosConfig": ".structs",
    "DataTerraformRemoteStateGcs": ".more_backends",
    "DataTerraformRemoteStateGcsConfig": ".structs",
    "DataTerraformRemoteStateHttp": ".more_backends",
    "DataTerraformRemoteStateHttpConfig": ".structs",
    "DataTerraformRemoteStateLocalConfig": ".structs",
    "DataTerraformRemoteStateOss": ".more_backends",
    "DataTerraformRemoteStateOssConfig": ".structs",
    "DataTerraformRemoteStatePg": ".more_backends",
    "DataTerraformRemoteStatePgConfig": ".structs",
    "DataTerraformRemoteStateRemoteConfig": ".structs",
    "DataTerraformRemoteStateS3": ".more_backends",
    "DataTerraformRemoteStateS3Config": ".structs",
    "DataTerraformRemoteStateSwift": ".more_backends",
    "DataTerraformRemoteStateSwiftConfig": ".structs",
    "DefaultTokenResolver": ".compat",
    "EncodingOptions": ".structs",
    "FileProvisioner": ".provisioner",
    "FnGenerated": ".compat",
    "GcsBackend": ".more_backends",
    "GcsBackendConfig": ".structs",
    "HttpBackend": ".more_backends",
    "HttpBackendConfig": ".structs",
    "IFragmentConcatenator": ".structs",
    "IImportableConfig": ".importable",
    "IInterpolatingParent": ".structs",
    "IManifest": ".structs",
    "IPostProcessor": ".structs",
    "IRemoteWorkspace": ".structs",
    "IResolvable": ".structs",
    "IResolveContext": ".structs",
    "IResource": ".structs",
    "IResourceConstructor": ".structs",
    "IScopeCallback": ".structs",
    "IStackSynthesizer": ".structs",
    "ISynthesisSession": ".structs",
    "ITerraformAddressable": ".structs",
    "ITerraformDependable": ".structs",
    "ITerraformIterator": ".structs",
    "ITerraformResource": ".structs",
    "ITokenMapper": ".structs",
    "ITokenResolver": ".structs",
    "ImportableResource": ".importable",
    "LazyAnyValueOptions": ".structs",
    "LazyBase": ".compat",
    "LazyListValueOptions": ".structs",
    "LazyStringValueOptions": ".structs",
    "LocalBackendConfig": ".structs",
    "LocalExecProvisioner": ".provisioner",
    "Manifest": ".compat",
    "MapList": ".complex_computed",
    "MigrateIds": ".compat",
    "NamedCloudWorkspace": ".more_backends",
    "NamedRemoteWorkspace": ".more_backends",
    "NumberListList": ".complex_computed",
    "NumberListMap": ".complex_computed",
    "NumberMap": ".complex_computed",
    "NumberMapList": ".complex_computed",
    "OssAssumeRole": ".more_backends",
    "OssBackend": ".more_backends",
    "OssBackendConfig": ".structs",
    "PgBackend": ".more_backends",
    "PgBackendConfig": ".structs",
    "PrefixedRemoteWorkspaces": ".more_backends",
    "RemoteBackend": ".more_backends",
    "RemoteBackendConfig": ".structs",
    "RemoteExecProvisioner": ".provisioner",
    "ResolveOptions": ".structs",
    "Resource": ".compat",
    "S3Backend": ".more_backends",
    "S3BackendAssumeRoleConfig": ".more_backends",
    "S3BackendAssumeRoleWithWebIdentityConfig": ".more_backends",
    "S3BackendConfig": ".structs",
    "S3BackendEndpointConfig": ".more_backends",
    "SSHProvisionerConnection": ".provisioner",
    "StackAnnotation": ".structs",
    "StackManifest": ".structs",
    "StringConcat": ".compat",
    "StringListList": ".complex_computed",
    "StringListMap": ".complex_computed",
    "StringMap": ".complex_computed",
    "StringMapList": ".complex_computed",
    "SwiftBackend": ".more_backends",
    "SwiftBackendConfig": ".structs",
    "TaggedCloudWorkspaces": ".more_backends",
    "TerraformAsset": ".asset",
    "TerraformAssetConfig": ".structs",
    "TerraformElementMetadata": ".structs",
    "TerraformHclModule": ".module",
    "TerraformHclModuleConfig": ".structs",
    "TerraformLocal": ".local",
    "TerraformMetaArguments": ".structs",
    "TerraformModule": ".module",
    "TerraformModuleConfig": ".structs",
    "TerraformModuleProvider": ".module",
    "TerraformModuleUserConfig": ".structs",
    "TerraformOutputConfig": ".structs",
    "TerraformProviderConfig": ".structs",
    "TerraformResourceConfig": ".structs",
    "TerraformResourceImport": ".structs",
    "TerraformResourceMoveById": ".structs",
    "TerraformResourceMoveByTarget": ".structs",
    "TerraformResourceTargets": ".compat",
    "TerraformStackMetadata": ".structs",
    "TerraformVariableConfig": ".structs",
    "Testing": ".testing",
    "TestingAppConfig": ".structs",
    "Tokenization": ".compat",
    "TokenizedStringFragments": ".compat",
    "WinrmProvisionerConnection": ".provisioner",
}

__all__ = [
    "Annotation",
    "AnnotationMetadataEntryType",
    "Annotations",
    "AnyListList",
    "AnyListMap",
    "AnyMap",
    "AnyMapList",
    "App",
    "AppConfig",
    "Aspects",
    "AssetType",
    "AzurermBackend",
    "AzurermBackendConfig",
    "BooleanList",
    "BooleanListList",
    "BooleanListMap",
    "BooleanMap",
    "BooleanMapList",
    "CloudBackend",
    "CloudBackendConfig",
    "CloudWorkspace",
    "ComplexList",
    "ComplexMap",
    "ComplexObject",
    "Construct",
    "ConstructsVpnError",
    "ConsulBackend",
    "ConsulBackendConfig",
    "CosBackend",
    "CosBackendAssumeRole",
    "CosBackendConfig",
    "DataConfig",
    "DataResource",
    "DataTerraformRemoteState",
    "DataTerraformRemoteStateAzurerm",
    "DataTerraformRemoteStateAzurermConfig",
    "DataTerraformRemoteStateConfig",
    "DataTerraformRemoteStateConsul",
    "DataTerraformRemoteStateConsulConfig",
    "DataTerraformRemoteStateCos",
    "DataTerraformRemoteStateCosConfig",
    "DataTerraformRemoteStateGcs",
    "DataTerraformRemoteStateGcsConfig",
    "DataTerraformRemoteStateHttp",
    "DataTerraformRemoteStateHttpConfig",
    "DataTerraformRemoteStateLocal",
    "DataTerraformRemoteStateLocalConfig",
    "DataTerraformRemoteStateOss",
    "DataTerraformRemoteStateOssConfig",
    "DataTerraformRemoteStatePg",
    "DataTerraformRemoteStatePgConfig",
    "DataTerraformRemoteStateRemoteConfig",
    "DataTerraformRemoteStateS3",
    "DataTerraformRemoteStateS3Config",
    "DataTerraformRemoteStateSwift",
    "DataTerraformRemoteStateSwiftConfig",
    "DefaultTokenResolver",
    "DynamicListTerraformIterator",
    "EncodingOptions",
    "Expression",
    "FileProvisioner",
    "Fn",
    "FnGenerated",
    "GcsBackend",
    "GcsBackendConfig",
    "HttpBackend",
    "HttpBackendConfig",
    "IAnyProducer",
    "IAspect",
    "IFragmentConcatenator",
    "IImportableConfig",
    "IInterpolatingParent",
    "IListProducer",
    "IManifest",
    "INumberProducer",
    "IPostProcessor",
    "IRemoteWorkspace",
    "IResolvable",
    "IResolveContext",
    "IResource",
    "IResourceConstructor",
    "IScopeCallback",
    "IStackSynthesizer",
    "IStringProducer",
    "ISynthesisSession",
    "ITerraformAddressable",
    "ITerraformDependable",
    "ITerraformIterator",
    "ITerraformResource",
    "ITokenMapper",
    "ITokenResolver",
    "IValidation",
    "ImportableResource",
    "Lazy",
    "LazyAnyValueOptions",
    "LazyBase",
    "LazyListValueOptions",
    "LazyStringValueOptions",
    "ListTerraformIterator",
    "LocalBackend",
    "LocalBackendConfig",
    "LocalExecProvisioner",
    "Manifest",
    "MapList",
    "MapTerraformIterator",
    "MigrateIds",
    "NamedCloudWorkspace",
    "NamedRemoteWorkspace",
    "Node",
    "NumberListList",
    "NumberListMap",
    "NumberMap",
    "NumberMapList",
    "Op",
    "OssAssumeRole",
    "OssBackend",
    "OssBackendConfig",
    "PgBackend",
    "PgBackendConfig",
    "Postcondition",
    "Precondition",
    "PrefixedRemoteWorkspaces",
    "Problem",
    "RemoteBackend",
    "RemoteBackendConfig",
    "RemoteExecProvisioner",
    "ResolveOptions",
    "Resource",
    "ResourceTerraformIterator",
    "S3Backend",
    "S3BackendAssumeRoleConfig",
    "S3BackendAssumeRoleWithWebIdentityConfig",
    "S3BackendConfig",
    "S3BackendEndpointConfig",
    "SSHProvisionerConnection",
    "StackAnnotation",
    "StackManifest",
    "StringConcat",
    "StringListList",
    "StringListMap",
    "StringMap",
    "StringMapList",
    "SwiftBackend",
    "SwiftBackendConfig",
    "SynthError",
    "SynthResult",
    "TaggedCloudWorkspaces",
    "TerraformAsset",
    "TerraformAssetConfig",
    "TerraformBackend",
    "TerraformCondition",
    "TerraformCount",
    "TerraformDataSource",
    "TerraformElement",
    "TerraformElementMetadata",
    "TerraformHclModule",
    "TerraformHclModuleConfig",
    "TerraformIterator",
    "TerraformLocal",
    "TerraformMetaArguments",
    "TerraformModule",
    "TerraformModuleConfig",
    "TerraformModuleProvider",
    "TerraformModuleUserConfig",
    "TerraformOutput",
    "TerraformOutputConfig",
    "TerraformProvider",
    "TerraformProviderConfig",
    "TerraformProviderGeneratorMetadata",
    "TerraformRemoteState",
    "TerraformResource",
    "TerraformResourceConfig",
    "TerraformResourceImport",
    "TerraformResourceLifecycle",
    "TerraformResourceMoveById",
    "TerraformResourceMoveByTarget",
    "TerraformResourceTargets",
    "TerraformSelf",
    "TerraformStack",
    "TerraformStackMetadata",
    "TerraformVariable",
    "TerraformVariableConfig",
    "TerraformVariableValidationConfig",
    "Testing",
    "TestingAppConfig",
    "Token",
    "Tokenization",
    "TokenizedStringFragments",
    "ValidationError",
    "VariableType",
    "VariableValidation",
    "WinrmProvisionerConnection",
    "conditional",
]


__getattr__, __dir__ = lazy_names(__name__, _LAZY)
